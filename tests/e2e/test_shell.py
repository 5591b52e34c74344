"""`rasa shell` (`python -m addons shell`, with the patches and hooks) in a pseudo-terminal
(pexpect), as a person would use it.

What the shell shows: plain bot messages are printed; the last message of a turn, when it has
buttons, becomes a questionary `select` prompt:

    ? If that doesn't work, shall I walk you through opening a dispute, [...]? (Use arrow keys)
     » 1: Yes, show me the steps (/affirm)
       2: Not now (/deny)
       Type out your own message...

The choices are numbered "N: title (payload)", plus a last one to type free text. Up/Down (or
k/j) move the pointer »; Enter sends the pointed choice's payload (number keys do nothing: rasa
does not turn on questionary's shortcuts). After the choice the prompt collapses to
"? <question> <chosen choice>". "Type out your own message..." gives the "Your input ->" prompt
again, where "/stop" ends the shell.
"""

import re
import sys
from pathlib import Path
from typing import Iterator

import pexpect
import pytest

from tests.servers import Servers

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """The action server on a free port; the test runs Rasa itself as `shell`."""
    servers = Servers(tmp_path_factory.mktemp("shell"))
    try:
        servers.start_actions()
        yield servers
    finally:
        servers.stop()


@pytest.fixture
def shell(servers: Servers, tmp_path: Path) -> Iterator[pexpect.spawn]:
    assert servers.model.exists(), "no trained model: run `make install` (or `make train`)"
    env = {
        **servers.env,
        "TERM": "xterm-256color",
        # pexpect does not answer prompt_toolkit's cursor-position requests: don't ask.
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    command = servers.rasa_command + [
        "shell", "--model", str(servers.model),
        "--endpoints", str(servers.endpoints_file),
        "--interface", "127.0.0.1", "--port", str(servers.rasa_port),
        "--conversation-id", "shell-test",
    ]  # fmt: skip
    child = pexpect.spawn(
        command[0],
        command[1:],
        cwd=str(servers.project),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(60, 250),
    )
    child.logfile_read = open(tmp_path / "shell.log", "w")  # noqa: SIM115 - closed below
    try:
        yield child
    finally:
        if child.isalive():
            child.terminate(force=True)
        child.logfile_read.close()
        sys.stderr.write(screen_text((tmp_path / "shell.log").read_text())[-3000:])


def screen_text(raw: str) -> str:
    return ANSI.sub("", raw).replace("\r", "")


def expect_text(child: pexpect.spawn, text: str, timeout: float = 30) -> str:
    """Wait until `text` has been printed (escape codes aside); the output read so far."""
    child.expect(re.escape(text), timeout=timeout)
    return screen_text(child.before + child.after)


def test_shell_offers_buttons_as_a_select_and_arrow_enter_picks_one(shell):
    expect_text(shell, "Your input ->", timeout=150)  # model loaded, server up
    shell.sendline("my package never arrived")

    answer = expect_text(shell, "Type out your own message...")
    assert "Sorry your order hasn't turned up" in answer
    assert "use 'Contact now' on the seller's page" in answer
    assert "? If that doesn't work, shall I walk you through opening a dispute" in answer
    assert "(Use arrow keys)" in answer
    choices = answer[answer.index("(Use arrow keys)") :]
    assert re.search(r"» 1: Yes, show me the steps \(/affirm\)\n\s+2: Not now \(/deny\)\n", choices)

    # Down moves the pointer to 2, Up back to 1 (redrawn in place), Enter picks it.
    shell.send(DOWN)
    shell.expect(re.escape("2: Not now (/deny)"))
    shell.send(UP)
    shell.expect(re.escape("1: Yes, show me the steps (/affirm)"))
    shell.send(ENTER)
    chosen = expect_text(shell, "Step 1 of 5: log in to your AliExpress account")
    assert re.search(
        r"\? If that doesn't work, shall I walk you through opening a dispute, one step at a "
        r"time\? 1: Yes, show me the steps \(/affirm\)",
        chosen,
    )
    assert "Opening a dispute takes five steps" in chosen

    # Step 1 offers "1: Next", "2: Repeat", then free text: two Downs reach free text.
    expect_text(shell, "Type out your own message...")
    shell.send(DOWN)
    shell.send(DOWN)
    shell.send(ENTER)
    expect_text(shell, "Your input ->")
    shell.sendline("/stop")
    shell.expect(pexpect.EOF, timeout=60)
    shell.close()
    assert shell.exitstatus == 0
