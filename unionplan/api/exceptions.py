"""A user's mistake is a 400 with the Chinese sentence the page would show.

``UserInputError`` is how every library and service refuses (errors.py); DRF knows nothing
of it, so without this handler a refused submission would be a 500.
"""

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from unionplan.errors import UserInputError


def exception_handler(error, context):
    if isinstance(error, UserInputError):
        return Response({"detail": error.message}, status=status.HTTP_400_BAD_REQUEST)
    return drf_handler(error, context)
