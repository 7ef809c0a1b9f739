"""The organization a command line names: by its id or its exact name."""

from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization


def find_org(text: str) -> Organization:
    """The organization named by its id or its exact name; a Chinese error otherwise."""
    text = str(text).strip()
    found = (
        Organization.objects.filter(pk=int(text)).first()
        if text.isdigit()
        else Organization.objects.filter(name=text).first()
    )
    if found is None:
        raise UserInputError(f"工会“{text}”不存在（请给出工会编号或完整名称）。")
    return found
