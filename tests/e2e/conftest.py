"""A bot on free ports for the end-to-end tests, talked to over REST."""

from typing import Iterator

import pytest

from tests.servers import RestClient, Servers


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RestClient]:
    with Servers(tmp_path_factory.mktemp("servers")) as servers:
        yield RestClient(servers.url)
