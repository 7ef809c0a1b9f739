# unionplan in a container: gunicorn on port 8000, data in the volume /var/lib/unionplan.
# compose.yaml beside this file runs it with a worker, PostgreSQL and Redis.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UNIONPLAN_VAR_DIR=/var/lib/unionplan \
    UNIONPLAN_STATIC_ROOT=/opt/unionplan/static

# pg_dump / pg_restore for `unionplan backup` and `restore` (Debian 12: PostgreSQL 15).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1000 --home-dir /var/lib/unionplan --create-home unionplan

WORKDIR /opt/unionplan
# Dependencies first, pinned by constraints.txt, so a code change does not reinstall them.
COPY pyproject.toml constraints.txt README.md ./
RUN mkdir unionplan && touch unionplan/__init__.py \
    && pip install -c constraints.txt . \
    && pip uninstall -y unionplan && rm -rf unionplan build
COPY unionplan ./unionplan
RUN pip install --no-deps -c constraints.txt . \
    && UNIONPLAN_SECRET_KEY=collectstatic-only UNIONPLAN_VAR_DIR=/tmp/build \
       unionplan collectstatic --noinput --verbosity 0 \
    && rm -rf /tmp/build

USER unionplan
VOLUME /var/lib/unionplan
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"
CMD ["sh", "-c", "unionplan migrate --noinput && exec unionplan serve --host 0.0.0.0 --port 8000"]
