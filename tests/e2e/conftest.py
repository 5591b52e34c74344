"""End-to-end tests: real servers on free ports. Every test here is marked `servers`."""

from pathlib import Path
from typing import Iterator, List

import pytest

from tests.servers import RestClient, Servers

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: List[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.servers)


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RestClient]:
    """One bot for the REST conversations, talked to over REST."""
    with Servers(tmp_path_factory.mktemp("servers")) as servers:
        yield RestClient(servers.url)
