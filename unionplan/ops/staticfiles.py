"""Static files with hashed, compressed names that still work before collectstatic has run.

WhiteNoise's manifest storage names each collected file after its content
(``htmx-2.0.11.min.3f2a….js``), so browsers may cache it for a year and a new release is
fetched at once. Its one trap: a page naming a file missing from the manifest (a fresh
checkout, or a file added since the last collectstatic) fails with a 500. Here such a file
keeps its plain name, which WhiteNoise serves from the package (WHITENOISE_USE_FINDERS).
"""

from django.contrib.staticfiles.apps import StaticFilesConfig
from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False

    def hashed_name(self, name, content=None, filename=None):
        try:
            return super().hashed_name(name, content, filename)
        except ValueError:  # not collected yet: the plain name, served from the package
            return name


class CollectedStaticConfig(StaticFilesConfig):
    """collectstatic without what no page of ours asks for: the source maps of the vendored
    bundles (14 MB, for debugging their own code) and drf-spectacular's ReDoc (the API's
    documentation page is Swagger UI). Collecting and compressing them took most of
    collectstatic's time in `make run` and in every deployment."""

    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "*.map", "redoc"]
