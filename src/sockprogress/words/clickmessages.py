"""Click's own messages that a user of this tool meets, marked so that `pybabel extract` puts
them in our catalogue: the command line makes our catalogue gettext's default domain for its
run (cli.py, `speaking`), and click takes "Usage:", "No such option" and the rest from there.

Each id is click's message exactly as click 8 writes it; a message click changes is shown in
English until its new id is added here and translated.
"""

from __future__ import annotations

from .catalogue import N_


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural for extraction (`-k NP_:1,2`)."""
    return singular, plural


CLICK_MESSAGES: tuple[str, ...] = (
    N_("Usage:"),
    N_("Error: invalid input"),  # click.confirm (actuals undo), which takes y/yes or n/no
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Try '{command} {option}' for help."),
    N_("Missing command."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("Aborted!"),
)

CLICK_PLURALS: tuple[tuple[str, str], ...] = (
    NP_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    NP_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    NP_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    NP_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
)
