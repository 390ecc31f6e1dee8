"""The ``timeline`` command: parse the arguments, call the library, print.

Output goes to stdout (or the files asked for); errors, warnings, the progress bar and the
summary line go to stderr, one line each, naming the file.  Every piece of article text and every
file name printed goes through ``printable`` first, so none can act on the terminal or forge a line.
The exit code is 1 when any input failed (every good article is still processed and written), 2
for a bad option, 3 for an internal error (a bug: ``timeline --debug ...`` shows its traceback),
130 when interrupted (Ctrl-C; every output file is then whole or absent), 143 or 129 when stopped
by SIGTERM or SIGHUP (taken as Ctrl-C is), 141 when whatever reads the output stops reading
(``timeline events ... | head``), as a shell reports SIGPIPE.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import shutil
import re
import signal
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from enum import Enum
from itertools import chain, islice
from pathlib import Path

import typer
from typer.core import TyperCommand, TyperGroup

from timeline.articles import SUFFIXES, Repeats, estimate_count, iter_articles, kind_of, unread_kinds
from timeline.merge import merge_events
from timeline.models import ArticleError, Event, Granularity, Timeline, coerce_published
from timeline.pipeline import (BATCH_SIZE, TERMINATING, Summary, collect_timeline, iter_article_events,
                               let_go_of_pools, signals_held, usable_cores)
from timeline.terminal import printable, quoted
from timeline.text import in_other_script

INTERNAL_ERROR = 3
INTERRUPTED = 130
PIPE_CLOSED = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader went away


class _Terminated(KeyboardInterrupt):
    """A request to stop (SIGTERM from kill, a service manager or a container; SIGHUP when the
    terminal goes away), taken as Ctrl-C is: every output file whole or absent, the workers
    stopped, exit 128 + the signal's number."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


# The signal that asked the run to stop, once one has: a library may catch the exception its
# handler raised and raise its own instead (pydantic does, while it writes JSON), so the command
# layer checks this too.
_stop_requested: list[int] = []


# Whether the command runs as the program, the process ending with it (timeline.__main__), rather
# than called by other code that goes on after it: see _stopping.
_as_program: list[bool] = []


# the resource tracker (a process multiprocessing starts beside the program, with its warning options)
# warns of the semaphores of worker pools a stop let go of: it frees them, and the stop was asked for
_QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"


def run_as_program() -> None:
    """Run the command line as the program: the process ends when the command does."""
    _as_program.append(True)
    if _QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(_QUIET_TRACKER)
    app(prog_name="timeline")


def _stopping() -> None:
    """The command stops on a Ctrl-C or a request to stop: the worker processes still running are
    stopped at once (their results are no longer wanted; a pool is waited for only while the run
    is under way), and, run as the program, a further Ctrl-C or request is ignored from now on: it
    could only break into the interpreter's own exit, printing a traceback (the threads being
    joined), or leave the worker pool's semaphores to the resource tracker's warnings."""
    let_go_of_pools()
    if _as_program:
        # (a pool's thread that sees its killed workers gone only after the wait let_go gives it, on a busy
        # machine, would print 'Exception in thread ...' into the process's end)
        threading.excepthook = _quiet_thread
    if _as_program and threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, *TERMINATING):
            signal.signal(signum, signal.SIG_IGN)


def _quiet_thread(args) -> None:
    """A thread's error once the program is stopping: the stop's own doing, nothing to tell."""


def _terminate(signum, frame) -> None:
    _stop_requested.append(signum)
    raise _Terminated(signum)


def _interrupt(signum, frame) -> None:
    _stop_requested.append(signum)
    raise KeyboardInterrupt


@contextmanager
def _terminations_taken():
    """SIGTERM and SIGHUP raise :class:`_Terminated` for the duration, and Ctrl-C its
    KeyboardInterrupt as ever, each noted in ``_stop_requested`` (in the main thread, and only
    where the process had left them to their default: 'nohup' keeps SIGHUP ignored)."""
    previous = {}
    _stop_requested.clear()
    if threading.current_thread() is threading.main_thread():
        for signum in TERMINATING:
            if signal.getsignal(signum) is signal.SIG_DFL:
                previous[signum] = signal.signal(signum, _terminate)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            previous[signal.SIGINT] = signal.signal(signal.SIGINT, _interrupt)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class _ClosedBytes(io.BufferedIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(errno.EBADF, "closed")


class _ClosedOutput(io.TextIOBase):
    """Standard output the caller closed: whatever is written to it fails (EBADF, 'closed')."""

    buffer = _ClosedBytes()
    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "closed")

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "closed")


# click's error (typer's own copy of click since typer 0.22, click itself before), as typer names it
_CLICK_ERROR = next(kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException")


@contextmanager
def _usage_in_one_line():
    """A usage error (a bad option value, a missing argument, an unknown option or command) told
    in one line, ``error: ...`` and where to find help, made safe to print as every error is, and
    exit 2: not typer's boxed panel.  Help asked for by giving no arguments is still shown."""
    try:
        yield
    except _CLICK_ERROR as problem:
        if type(problem).__name__ == "NoArgsIsHelpError":  # (as typer tells it)
            raise
        message = problem.format_message()
        context = getattr(problem, "ctx", None)
        if context is not None:
            message += f" (see '{context.command_path} --help')"
        _error(message[:1].lower() + message[1:])
        raise typer.Exit(problem.exit_code) from None


@contextmanager
def _help_written():
    """Help or the version, printed while a command line is read ('--help', '--version'), to a
    standard output that cannot take it: a reader that went away ends the run silently (exit
    141), a full disk or a closed descriptor fails it in one line, as a command's output does."""
    try:
        with _stdout_errors():
            yield
    except BrokenPipeError:
        _quiet_stdout()
        raise typer.Exit(PIPE_CLOSED) from None


def _quiet_stdout() -> None:
    """Standard output sent where nothing fails (what is left in its buffer must not fail again at exit)."""
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class _Command(TyperCommand):
    """A command, whose help is written as the group's is (see :func:`_help_written`)."""

    def make_context(self, info_name, args, parent=None, **extra):
        with _help_written():
            return super().make_context(info_name, args, parent=parent, **extra)


class _Commands(TyperGroup):
    """The commands, with the ends no command handles itself: Ctrl-C (exit 130) or a request to
    stop (SIGTERM, SIGHUP: exit 143, 129), a reader of the output that went away (exit 141,
    silently) and a bug (one line saying so, exit 3; its traceback with --debug)."""

    def main(self, *args, **kwargs):
        # A standard stream the caller closed ('2>&-') is None.  Messages to a closed stderr are
        # dropped, and the run goes on; results sent to a closed stdout fail in one line, as on a
        # full disk (reading a closed standard input is refused where it is read).
        if sys.stderr is None:
            sys.stderr = open(os.devnull, "w", encoding="utf-8")
        if sys.stdout is None:
            sys.stdout = _ClosedOutput()
        return super().main(*args, **kwargs)

    def make_context(self, info_name, args, parent=None, **extra):
        with _usage_in_one_line(), _help_written():  # ('timeline --bogus', 'timeline bogus'; '--version')
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx):
        try:
            with _terminations_taken(), _usage_in_one_line():  # (a command's options are read in here)
                return super().invoke(ctx)
        except _Terminated as stop:
            _stopping()
            _error("terminated")
            raise typer.Exit(128 + stop.signum) from None
        except KeyboardInterrupt:
            _stopping()
            _error("interrupted")
            raise typer.Exit(INTERRUPTED) from None
        except BrokenPipeError:
            _quiet_stdout()  # ('| head' has what it wanted: say nothing, and let no later flush of stdout complain)
            raise typer.Exit(PIPE_CLOSED) from None
        except Exception as exc:
            if _stop_requested:  # (a stop some library turned into an error of its own)
                signum = _stop_requested[0]
                _stopping()
                _error("interrupted" if signum == signal.SIGINT else "terminated")
                raise typer.Exit(INTERRUPTED if signum == signal.SIGINT else 128 + signum) from None
            # Usage errors and exits belong to the command-line layer (click, typer), not to us.
            if type(exc).__module__.startswith(("click", "typer")) or ctx.params.get("debug"):
                raise
            problem = " ".join(f"{type(exc).__name__}: {exc}".split())
            _error(f"internal error: {problem}")
            _error("this is a bug in timeline, not a problem with the input: please report it with "
                   "the traceback that 'timeline --debug ...' prints")
            raise typer.Exit(INTERNAL_ERROR) from None


app = typer.Typer(
    cls=_Commands,
    add_completion=False,
    # (plain help, as command-line tools write it: '-q, --quiet' a flag; the boxed style shows it '<bool>',
    # as if it took a value)
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Turn news articles into an ordered, interactive timeline of the events they report.",
)

NO_DATE_WARNING = "no publication date; relative dates such as 'Sunday' stay unresolved (use --published)"
OTHER_SCRIPT_WARNING = "written mostly in a script the English rules do not read; few of its dates will be found"


class Lanes(str, Enum):
    source = "source"
    none = "none"


def _show_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"timeline {version('timeline')}")
        except PackageNotFoundError:  # (run from a copy that was never installed)
            typer.echo("timeline (not installed)")
        raise typer.Exit(0)


@app.callback()
def _options(debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
             _version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                           help="Show the version and exit.")):
    """Turn news articles into an ordered, interactive timeline of the events they report."""


PathsArgument = typer.Argument(..., metavar="PATHS", help="Article files or folders ('-' for stdin).", show_default=False)
PublishedOption = typer.Option(
    None, "--published", metavar="DATE", help="Publication date for every article (ISO: 2017-09-06 or 2017-09-06T10:00+03:00)."
)


WorkersOption = typer.Option(
    usable_cores(), "--workers", "-w", min=1, metavar="N", show_default="the number of cores",
    # more processes than cores only cost memory (each holds its own language data): capped
    callback=lambda value: min(value, usable_cores()),
    help="Processes extracting events on this machine, at most one a core (results are the same for any number).",
)
SchedulerOption = typer.Option(
    None, "--scheduler", metavar="ADDRESS", help="Address of an existing Dask scheduler (tcp://host:8786) to run on instead."
)
QuietOption = typer.Option(False, "--quiet", "-q", help="No progress bar, warnings or summary; errors only.")


@app.command(cls=_Command)
def build(
    paths: list[str] = PathsArgument,
    output: str = typer.Option(
        "timeline.html", "--output", "-o", metavar="FILE",
        help="The page; other formats go beside it with their extension ('-' for stdout, one format).",
    ),
    json_path: str | None = typer.Option(None, "--json", metavar="FILE", help="Also write the JSON list of events here ('-' for stdout)."),
    formats: list[str] | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT",
        help="Output format, repeatable: html, json, jsonl, csv, timelinejs or timeml (default: the one the name of "
             "-o ends in, else html). -o timeline.html -f html -f csv writes timeline.csv too.",
    ),
    lanes: Lanes = typer.Option(
        Lanes.source, "--lanes", metavar="source|none",
        help="One chart lane per outlet (the 8 biggest; the rest share 'Other outlets'), or none.",
    ),
    top: int | None = typer.Option(
        None, "--top", min=1, metavar="N", show_default="twice the square root of the days covered, 5 to 40",
        help="How many key events: the best-scored ones, shown on the page by default.",
    ),
    cdn: bool = typer.Option(False, "--cdn", help="Load plotly.js from its CDN (small page, needs the network)."),
    title: str | None = typer.Option(None, "--title", metavar="TEXT", help="The page's heading, e.g. 'Swine flu: the first months'.",
                                     show_default="Timeline"),
    published: str | None = PublishedOption,
    workers: int = WorkersOption,
    scheduler: str | None = SchedulerOption,
    quiet: bool = QuietOption,
):
    """Build the timeline of PATHS and write it as a page (and other formats)."""
    from timeline.render import FORMATS, render
    from timeline.render.json import render_events

    for given, option in ((output, "--output"), (json_path, "--json")):
        swallowed = option_like_output(given, option)
        if swallowed:
            _fail(swallowed, code=2)
        if given == "":  # ("-o ''": a name left out, not the folder '.')
            _fail(f"{option}: an empty file name", code=2)
        if _names_a_folder(given):
            _fail(f"{option} {printable(str(Path(given)))}: a folder, not a file name", code=2)
        device = _names_a_device(given)
        if device:  # ('-o /dev/null' would write /dev/null.html beside it)
            _fail(f"{printable(given)}: is {device}, not a file to write (give a file name, or '-' for "
                  "standard output)", code=2)
    output, json_path = _output_path(output), _output_path(json_path)  # ('-' is standard output, './-' a file)
    if not formats and not _is_stdout(output) and output.suffix and _format_suffix(output.name) is None:
        from timeline.render import EXTENSIONS  # ('-o story.tsv' writes story.tsv.html: said, not left to be found)

        _warn(f"{printable(output.name)}: no format is written as {printable(output.suffix)}; the page goes to "
              f"{printable(output.name)}.html (give --format, or a name ending {', '.join(EXTENSIONS.values())})",
              quiet)
    formats = list(dict.fromkeys(formats or [named_format(output)]))
    unknown = [name for name in formats if name not in FORMATS]
    if unknown:
        _fail(f"unknown format {quoted(unknown[0])} (choose from {', '.join(FORMATS)})", code=2)
    if _is_stdout(output):
        if len(formats) > 1:
            _fail("--output -: standard output takes one format; give a file name to write several", code=2)
        outputs: list[tuple[Path, str | None]] = [(output, formats[0])]
    else:
        outputs = [(path, fmt) for fmt, path in output_paths(output, formats)]
    if json_path is not None:
        outputs.append((json_path, None))  # None: the JSON list of events
    clash = (colliding_outputs(outputs) or unwritable_output(outputs)
             or output_read(outputs, paths))
    if clash:
        _fail(clash, code=2)
    timeline = _timeline(paths, published, workers, scheduler, quiet, top)
    if not timeline.articles:  # (nothing read: an earlier page is left as it was, not replaced by an empty one)
        _finish(Summary.of(timeline), True, quiet, paths)
    failed = bool(timeline.errors)
    # A renderer that raises is a bug (reported as one); writing can fail for the disk's reasons.
    texts = [(path, render_events(timeline.events) if fmt is None
              else render(timeline, fmt, lanes=lanes.value, cdn=cdn, title=title)) for path, fmt in outputs]
    for path, text in texts:
        if _is_stdout(path):
            write_stdout(text)  # a reader gone away ends the command (exit 141), as for 'events'
    with signals_held():  # (a stop while the files are written takes effect once all are: one run's outputs
        for path, text in texts:  # together, never a new page beside the last run's CSV)
            if _is_stdout(path):
                continue
            try:
                write_file(path, text)
            except OSError as exc:  # one output's failure must not hide the others
                _error(f"{path}: not written ({exc.strerror or exc})")
                failed = True
            else:
                _note(f"wrote {path}", quiet)
    _finish(Summary.of(timeline), failed, quiet, paths, tuple(path for path, _ in outputs if not _is_stdout(path)))


@app.command(cls=_Command)
def events(
    paths: list[str] = PathsArgument,
    as_json: bool = typer.Option(False, "--json", help="Print the JSON list of merged events."),
    jsonl: bool = typer.Option(
        False, "--jsonl", help="Stream each article's events as JSON lines as soon as it is done (no cross-article merge)."
    ),
    published: str | None = PublishedOption,
    workers: int = WorkersOption,
    scheduler: str | None = SchedulerOption,
    quiet: bool = QuietOption,
):
    """List the events of PATHS in timeline order: a table, JSON, or streamed JSON lines."""
    if jsonl and as_json:
        _fail("give --json (the merged events) or --jsonl (each article's, streamed), not both", code=2)
    if jsonl:
        from timeline.render import render

        if scheduler:
            _fail("--jsonl streams from this machine; it cannot be combined with --scheduler", code=2)
        summary = Summary()
        for item, found in _results(paths, published, workers, quiet):
            found = merge_events(found)
            summary.add(item, found)
            lines = render(Timeline(events=found), "jsonl")
            with signals_held():  # (Ctrl-C stops the stream between lines, never inside one)
                _out(lines, nl=False)
        _finish(summary, bool(summary.skipped), quiet, paths)
        return
    timeline = _timeline(paths, published, workers, scheduler, quiet)
    if as_json:
        from timeline.render.json import render_events

        _out(render_events(timeline.events))
    else:
        _out(events_table(timeline.events))
    _finish(Summary.of(timeline), bool(timeline.errors), quiet, paths)


@app.command(cls=_Command)
def tag(
    paths: list[str] = PathsArgument,
    published: str | None = PublishedOption,
):
    """Show the time expressions of the articles at PATHS with their TIMEX3 values."""
    from timeline.temporal import tag as tag_text

    failed = False
    articles = iter_articles(paths, _published(published))  # (a stream: a feed of any size)
    ahead = list(islice(articles, 2))  # (two read ahead tell whether to head each article with its path)
    several = len(ahead) > 1
    if not ahead:  # (an empty folder, or one of other files)
        _fail(_NO_ARTICLES)
    for article in chain(ahead, articles):
        if isinstance(article, ArticleError):
            _error(str(article))
            failed = True
            continue
        if several:
            _out(printable(f"== {article.path}"))
        if article.published is None:
            _warn(f"{article.path}: {NO_DATE_WARNING}")
        if in_other_script(article.text):
            _warn(f"{article.path}: {OTHER_SCRIPT_WARNING}")
        for timex in tag_text(article.text, article.published):
            note = "" if timex.resolved else "  (unresolved)"
            _out(printable(f"{timex.start:>6}-{timex.end:<6} {timex.type:<8} {timex.value:<20} {timex.text!r}{note}"))
    raise typer.Exit(1 if failed else 0)


@app.command(cls=_Command)
def summary(
    paths: list[str] = PathsArgument,
    dates: int | None = typer.Option(
        None, "--dates", "-n", min=1, metavar="N", show_default="twice the square root of the days spanned, 3 to 40",
        help="How many days: the most important ones.",
    ),
    sentences: int = typer.Option(2, "--sentences", "-k", min=0, metavar="K", help="Sentences for each day."),
    start: str | None = typer.Option(None, "--from", metavar="DATE", help="First day to consider (YYYY-MM-DD; YYYY-MM or YYYY: its first day)."),
    end: str | None = typer.Option(None, "--to", metavar="DATE", help="Last day to consider (YYYY-MM-DD; YYYY-MM or YYYY: its last day)."),
    as_json: bool = typer.Option(False, "--json", help='Print a JSON list of {"date", "sentences", "sources"}.'),
    published: str | None = PublishedOption,
    workers: int = WorkersOption,
    quiet: bool = QuietOption,
):
    """The story's summary timeline: its most important days, each in a few sentences with sources."""
    from timeline.summary import day_of, format_summary, summarize

    first, last = _day_option(start, "--from"), _day_option(end, "--to", last=True)
    if first and last and first > last:
        _fail(f"--from {first} is after --to {last}", code=2)
    timeline = _timeline(paths, published, workers, None, quiet)
    days = summarize(timeline, dates=dates, sentences=sentences, start=first, end=last)
    if not days and (first or last) and timeline.dated:  # (say where the days are: '--from 2030-01-01' was a typo)
        told = f"{'from ' + str(first) if first else ''}{' ' if first and last else ''}{'to ' + str(last) if last else ''}"
        known = sorted(filter(None, map(day_of, timeline.dated)))  # (a summary's days: 'October 2014' is none)
        where = f"they run from {known[0]} to {known[-1]}" if known else "none is"
        _warn(f"no event dated to a day {told}; {where}", quiet)
    if as_json:
        from timeline.render.json import render_summary

        _out(render_summary(days))
    else:
        if days or timeline.articles:  # (with no article read, the errors say it alone)
            width = min(100, max(40, shutil.get_terminal_size((88, 24)).columns - 2))
            _out(format_summary(days, width))
    _finish(Summary.of(timeline), bool(timeline.errors), quiet, paths)


def _day_option(value: str | None, name: str, last: bool = False):
    """The day an option names ('2017-09-06'), or the first (``last``: the last) of the month or
    year it names ('2017-09', '2017')."""
    if value is None:
        return None
    from timeline.summary import parse_day

    try:
        return parse_day(value, last)
    except ValueError:
        _fail(f"{name}: invalid date {quoted(value)} (use YYYY-MM-DD, or YYYY-MM or YYYY)", code=2)


@app.command("eval", cls=_Command)
def evaluate(
    gold_dirs: list[Path] | None = typer.Argument(
        None, exists=True, file_okay=False, show_default=False, metavar="FOLDERS",
        help="Folders of TimeML (.tml) files, scored side by side."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="Also list the mistakes."),
    score_events: bool = typer.Option(False, "--events", help="Score events instead of time expressions."),
    folds: int = typer.Option(0, "--folds", min=0, metavar="N", help="Value F1 (with --events: anchoring precision) by N-fold cross-validation over documents."),
    rules: bool = typer.Option(False, "--rules", help="List, per rule, the documents it fires in."),
    timelines: Path | None = typer.Option(
        None, "--timelines", exists=True, file_okay=False, metavar="FOLDER",
        help="Score summary timelines instead: a folder of stories (<story>/articles.jsonl, <story>/timelines/*.txt), or one story's folder.",
    ),
    workers: int = WorkersOption,
    quiet: bool = QuietOption,
):
    """Score the tagger (or the events) against gold TimeML annotations, or summary timelines
    against journalists' timelines (--timelines)."""
    if timelines is not None:
        from timeline.evaluate_timelines import run_timeline_eval

        if gold_dirs:
            _fail("give either a TimeML folder or --timelines, not both", code=2)
        tagger_only = [name for name, given in (("--events", score_events), ("--folds", folds),
                                                ("--errors", errors), ("--rules", rules)) if given]
        if tagger_only:
            _fail(f"{', '.join(tagger_only)}: for a TimeML folder, not with --timelines", code=2)
        problems = []

        def problem(line: str) -> None:
            problems.append(line)
            _error(line)

        try:
            report = run_timeline_eval(str(timelines), workers=workers, as_json=as_json,
                                       progress=lambda line: _note(line, quiet), problem=problem)
        except (OSError, ValueError) as exc:
            message = " ".join(str(exc).split())
            _fail(message if str(timelines) in message else f"{timelines}: {message}")
        except BrokenProcessPool:
            _fail("a worker process stopped abruptly (out of memory?); --workers 1 shows which article")
        # Story and file names are printed: made safe as every name is (JSON escapes its own).
        _out(report if as_json else _lines_printable(report))
        if problems:  # the scores are printed, but not over everything asked for
            raise typer.Exit(1)
        return
    if not gold_dirs:
        _fail("missing the folder of TimeML files (or --timelines DIR)", code=2)
    from timeline.evaluate import run_eval

    if folds == 1:
        _fail("--folds needs at least 2 folds", code=2)
    try:
        report = run_eval([str(d) for d in gold_dirs], events=score_events, errors=errors,
                          as_json=as_json, folds=folds, rules=rules)
    except (OSError, ValueError, SyntaxError) as exc:  # SyntaxError: XML that does not parse
        message = " ".join(str(exc).split())
        named = any(str(d) in message for d in gold_dirs)
        _fail(message if named else f"{' '.join(map(str, gold_dirs))}: {message}")
    _out(report if as_json else _lines_printable(report))


# --- running the pipeline ------------------------------------------------------------------------


def _timeline(paths, published, workers, scheduler, quiet, top=None) -> Timeline:
    if not scheduler:
        return collect_timeline(_results(paths, published, workers, quiet), top=top)
    if any(str(path) == "-" for path in paths):  # (the cluster's workers would read their own)
        _fail("standard input ('-') is read on this machine; it cannot be combined with --scheduler", code=2)
    try:
        from dask.distributed import Client

        from timeline.distributed import build_timeline_dask
    except ImportError:
        _fail("--scheduler needs Dask: pip install 'timeline[dask]'", code=2)
    try:
        client = Client(scheduler, timeout="10s")
    except Exception as exc:  # (not a Dask scheduler at all: a web server's reply is no frame to unpack)
        problem = " ".join(f"{exc}".split())[:200] or type(exc).__name__
        _fail(f"cannot reach the Dask scheduler at {printable(scheduler)} ({printable(problem)})")
    with client:
        timeline = build_timeline_dask(paths, _published(published), top=top)
    say, said = _teller(lambda line: typer.echo(line, err=True))  # (as in one process)
    for error in timeline.errors:
        say("error", error.path, error.message)
    for article in timeline.articles:
        if article.published is None and not quiet:
            say("warning", article.path, NO_DATE_WARNING)
    said()
    return timeline


def _teller(show):
    """``(say, said)``: ``say(kind, where, problem)`` shows one file's records with one same problem
    a few times (:class:`Repeats`), and ``said()`` then how many more there were."""
    repeats = Repeats()

    def say(kind: str, where: str, problem: str):
        if repeats.first(kind, where, problem):
            show(printable(f"{kind}: {where}: {problem}"))

    def said():
        for kind, where, more in repeats.rest():
            show(printable(f"{kind}: {where}: {more}"))

    return say, said


def _results(paths, published, workers, quiet) -> Iterator:
    """The pipeline's stream, reporting each bad or undated article on stderr as it comes (one
    file's records with one same problem a few times, then counted: :class:`Repeats`)."""
    published = _published(published)
    # A few articles are quicker in-process than through worker processes.
    workers = min(workers, max(1, estimate_count(paths, limit=workers * BATCH_SIZE) // BATCH_SIZE))
    total = estimate_count(paths) if _draws_progress(quiet) else None
    with _progress(total, quiet) as (advance, show):
        say, said = _teller(show)
        try:
            for item, found in iter_article_events(paths, published, workers):
                if isinstance(item, ArticleError):
                    say("error", item.path, item.message)
                elif not quiet:
                    if item.published is None:
                        say("warning", item.path or item.label, NO_DATE_WARNING)
                    if in_other_script(item.text):
                        say("warning", item.path or item.label, OTHER_SCRIPT_WARNING)
                advance()
                yield item, found
        except BrokenProcessPool:
            _fail("a worker process stopped abruptly (out of memory?); --workers 1 shows which article")
        said()


def _draws_progress(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


@contextmanager
def _progress(total: int | None, quiet: bool):
    """``(advance, say)``: a progress bar on stderr when it is a terminal, else nothing to draw."""
    if not _draws_progress(quiet):
        yield (lambda: None), (lambda line: typer.echo(line, err=True))
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("articles"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("articles", total=total, rate="")

        def advance():
            bar.update(task, advance=1, rate=f"{bar.tasks[task].speed or 0:.0f}/s")

        yield advance, (lambda line: bar.console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True))


def _published(published: str | None):
    try:
        return coerce_published(published)
    except ValueError as exc:
        _fail(f"--published: {exc}", code=2)


# --- output --------------------------------------------------------------------------------------


def output_paths(output: Path, formats: list[str]) -> list[tuple[str, Path]]:
    """Where each format goes: ``output`` itself when its suffix is one the format accepts
    (``-o t.htm`` writes t.htm), else its name with the format's extension
    (``-o out/timeline.html -f html -f csv`` -> out/timeline.html, out/timeline.csv)."""
    from timeline.render import SUFFIXES as FORMAT_SUFFIXES
    from timeline.render import EXTENSIONS

    name = output.name
    given = _format_suffix(name)
    stem = name[: -len(given)] if given else name
    return [(fmt, output if given in FORMAT_SUFFIXES[fmt] else output.with_name(stem + EXTENSIONS[fmt]))
            for fmt in formats]


def _format_suffix(name: str) -> str | None:
    """The ending of file ``name`` that names an output format ('.csv', '.timelinejs.json'), else None."""
    from timeline.render import SUFFIXES as FORMAT_SUFFIXES

    every = sorted({s for suffixes in FORMAT_SUFFIXES.values() for s in suffixes}, key=len, reverse=True)
    return next((suffix for suffix in every if name.lower().endswith(suffix) and len(name) > len(suffix)), None)


def named_format(output: Path) -> str:
    """The format a page's file name asks for when no --format is given: ``-o story.csv`` is CSV,
    ``-o story.tml`` TimeML; any other name (or standard output) the page."""
    from timeline.render import SUFFIXES as FORMAT_SUFFIXES

    given = None if _is_stdout(output) else _format_suffix(output.name)
    return next((fmt for fmt, suffixes in FORMAT_SUFFIXES.items() if given in suffixes), "html")


_OPTION_LIKE = re.compile(r"--\w|-\w$")  # '--workers', '-q' (not '-events.json', nor './--json')


def option_like_output(given: str | None, option: str) -> str | None:
    """A message when an output is named, as given, like an option: an option swallowed as the
    value of the one before it (``--json --workers 2`` would write a file named '--workers'), else
    None.  Such a file can still be written as ``./--workers``."""
    if given is not None and _OPTION_LIKE.match(given):
        return (f"{option} {printable(given)}: looks like an option, not a file name "
                f"(write ./{printable(given)} to mean that file)")
    return None


def colliding_outputs(outputs: list[tuple[Path, str | None]]) -> str | None:
    """A message when two outputs would be written to the same file, else None."""
    claimed: dict[str, str] = {}
    for path, fmt in outputs:
        what = f"the {fmt} format" if fmt else "--json"
        # (the file's folder resolved, not the file: a finished output replaces a link of that
        # name, whatever it points to, even a loop of links)
        key = STDOUT if _is_stdout(path) else os.path.normcase(os.path.join(os.path.realpath(path.parent), path.name))
        if key in claimed:
            where = "standard output" if key == STDOUT else path
            return (f"{where}: both {claimed[key]} and {what} would be written there; "
                    "give --output or --json another name")
        claimed[key] = what
    return None


def unwritable_output(outputs: list[tuple[Path, str | None]]) -> str | None:
    """A message when an output can be seen, before any work, not to be a file that can be
    written: a folder, a file where a folder should be, or a named pipe or device (a finished
    output is renamed into place, which would replace it, not write to it); else None."""
    for path, _ in outputs:
        if _is_stdout(path):
            continue
        try:
            info = os.stat(path)
        except FileNotFoundError:  # the usual case; missing folders are made, if their names can be
            too_long = _name_too_long(path)
            if too_long is not None:
                return f"{path}: cannot be written (File name too long: {too_long[:40]}...)"
            dangling = _dangling_link(path)
            if dangling is not None:
                return f"{path}: cannot be written ({dangling} is a link to something that does not exist)"
            continue
        except (OSError, ValueError) as exc:  # a file where a folder should be, a name too long
            return f"{path}: cannot be written ({getattr(exc, 'strerror', None) or exc})"
        if not stat.S_ISREG(info.st_mode):
            return f"{path}: is {kind_of(info.st_mode)}, not a file to write (give a file name)"
    for path, _ in outputs:  # (a finished output is renamed into place: its folder is written)
        folder = _nearest_folder(path) if not _is_stdout(path) else None
        if folder is not None and _system_folder(folder):
            return f"{path}: cannot be written (the folder {folder} is the system's, not for files)"
        if folder is not None and not os.access(folder, os.W_OK | os.X_OK):
            return f"{path}: cannot be written (the folder {folder} is read-only or not ours to write)"
    return None


_SYSTEM_FOLDERS = (Path("/dev"), Path("/proc"), Path("/sys"))


def _system_folder(folder: Path) -> bool:
    """Whether ``folder`` is the system's devices or kernel tables ('-o /dev/stdout' with the
    extension added would write /dev/stdout.html there), not a memory file system under /dev."""
    resolved = folder.resolve()
    return resolved in _SYSTEM_FOLDERS or any(top in resolved.parents for top in _SYSTEM_FOLDERS[1:])


def _nearest_existing(path: Path) -> Path:
    """``path`` made absolute, or the nearest of its parents that exists."""
    existing = path.absolute()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    return existing


def _nearest_folder(path: Path) -> Path | None:
    """The nearest folder along ``path`` that exists (where its missing folders would be made)."""
    folder = _nearest_existing(path.absolute().parent)
    return folder if folder.is_dir() else None


def _dangling_link(path: Path) -> Path | None:
    """The first folder along ``path`` that is a symbolic link to nothing: it could not be made
    (mkdir says only 'File exists').  (The file itself may be one: the output replaces it.)"""
    for folder in (*reversed(path.parent.parents), path.parent):
        if folder.is_symlink() and not folder.exists():
            return folder
    return None


def _name_too_long(path: Path) -> str | None:
    """The first name along ``path``, below the folders that exist, longer than its file system
    takes (``NAME_MAX``, of the nearest folder that exists); None when every name fits.  (The
    output's own temporary name is cut to fit wherever the output's name fits.)"""
    target, existing = path.absolute(), _nearest_existing(path)
    try:
        limit = os.pathconf(existing, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # (no such query here: the write will tell)
        return None
    below = target.relative_to(existing).parts
    return next((name for name in below if len(os.fsencode(name)) > limit), None)


def output_read(outputs: list[tuple[Path, str | None]], paths: list[str]) -> str | None:
    """A message when an output is one of the files the inputs read: it would be read, then
    replaced by the output (an article lost, or the next run reading its own output)."""
    from timeline.articles import input_among

    found = input_among(paths, [path for path, _ in outputs if not _is_stdout(path)])
    if found is None:
        return None
    what = "--json" if dict(outputs).get(found, "") is None else "--output"
    return f"{found}: is also an input (it would be read, then overwritten); give {what} another name"


STDOUT = "-"
_STDOUT_PATH = Path(STDOUT)  # the one path that means standard output ('./-' is a file named '-')


def _names_a_folder(given: str | None) -> bool:
    """Whether an output option names a folder: '-o .', '-o /', '-o ""', one that ends with a
    separator ('-o reports/') or a folder that exists ('-o reports'): its page would otherwise
    be written beside it, as 'reports.html'."""
    if given is None or given == STDOUT:
        return False
    separators = (os.sep, os.altsep) if os.altsep else (os.sep,)
    return Path(given).name in ("", ".", "..") or given.endswith(separators) or os.path.isdir(given)


def _names_a_device(given: str | None) -> str | None:
    """What an output option names when it is no regular file but a device, pipe or socket
    ('a character device'), else None."""
    if given is None or given == STDOUT:
        return None
    try:
        mode = os.stat(given).st_mode
    except (OSError, ValueError):
        return None
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else kind_of(mode)


def _output_path(given: str | None) -> Path | None:
    """The path an output option names: standard output for '-' exactly, else the file."""
    if given is None:
        return None
    return _STDOUT_PATH if given == STDOUT else Path(given)


def _is_stdout(path: Path | None) -> bool:
    """Whether an output is '-', standard output (a file of that name is './-')."""
    return path is _STDOUT_PATH


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output in one piece."""
    with _stdout_errors():
        sys.stdout.flush()
        _write_all(sys.stdout.buffer, text.encode("utf-8"))
        sys.stdout.buffer.flush()


def _write_all(out, data: bytes) -> None:
    """Write all of ``data``: an unbuffered standard output (``PYTHONUNBUFFERED=1``, ``python -u``)
    may take part of it, and says how much; the rest is written again (a full disk then fails)."""
    view = memoryview(data)
    while view:
        written = out.write(view)
        if written is None:  # (a non-blocking output that is full: wait and write again)
            time.sleep(0.01)
            continue
        view = view[written:]


def _out(text: str, nl: bool = True) -> None:
    """Print ``text`` on standard output now (flushed, so that a failure shows here)."""
    with _stdout_errors():
        sys.stdout.flush()
        _write_all(sys.stdout.buffer, (text + ("\n" if nl else "")).encode("utf-8"))
        sys.stdout.buffer.flush()


@contextmanager
def _stdout_errors():
    """A standard output that cannot be written (a full disk, a closed descriptor) fails the
    command in one line; a reader that went away is left to :class:`_Commands` (exit 141)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        _quiet_stdout()
        _fail(f"standard output: not written ({exc.strerror or exc})")


def write_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a temporary file, then an atomic rename).

    A file replaced keeps its read and write permissions (a page kept private stays so).
    Ctrl-C during the write is held until the file is whole (or removed), then takes effect.
    """
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with signals_held():
        # The name is cut so that the temporary name fits wherever the output's name fits.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:64]}.", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())  # (on disk before the rename: a crash then leaves the old file or the new)
            os.chmod(temporary, _mode_for(path))
            os.replace(temporary, path)
        except BaseException:
            with suppress(OSError):
                os.unlink(temporary)
            raise


def _mode_for(path: Path) -> int:
    """The read and write permissions of the file at ``path`` (not its set-id bits, nor an
    execute bit: a page runs nothing), or those a new file takes (0666 less the umask)."""
    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode):
            return stat.S_IMODE(info.st_mode) & 0o666
    except (OSError, ValueError):
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def events_table(events: list[Event]) -> str:
    """One readable line an event: date, title, the date phrase, how many articles report it.  The
    dates are a column as wide as the widest; a decade or a century is written as a reader does
    ('1990s', not '199'), an undated event by what its tense tells (before, around or after
    publication)."""
    dates = [_table_date(event) for event in events]
    width = max([len(date) + 1 for date in dates] + [TABLE_DATE_WIDTH])
    lines = []
    for event, date in zip(events, dates):
        phrase = f"  [{' '.join(event.time_expression.text.split())}]" if event.time_expression else ""  # (one line)
        sources = f"  ({len(event.sources)} sources)" if len(event.sources) > 1 else ""
        lines.append(printable(f"{date:<{width}} {event.title}{phrase}{sources}"))
    return "\n".join(lines) if lines else "(no events)"


TABLE_DATE_WIDTH = 12  # the date column of the events table at its narrowest (a day and a space)
_TABLE_RELATIONS = {"before": "(before)", "overlap": "(around)", "after": "(after)", "unknown": "(unknown)"}
_CENTURIES = {Granularity.DECADE: 10, Granularity.CENTURY: 100, Granularity.MILLENNIUM: 1000}  # (their years)


def _table_date(event: Event) -> str:
    if event.date is None:
        return _TABLE_RELATIONS.get(event.relation.value, f"({event.relation.value})")
    if event.date.granularity in _CENTURIES:  # (from its end: the first century starts in the year 1, not 0)
        return f"{event.date.end.year + 1 - _CENTURIES[event.date.granularity]}s"
    return event.date.value


# --- messages ------------------------------------------------------------------------------------


_NO_ARTICLES = f"no articles found (a folder is read for {' '.join(sorted(SUFFIXES))} files)"


def _finish(summary: Summary, failed: bool, quiet: bool, paths: list[str], written: tuple = ()) -> None:
    if not quiet:  # (files a folder holds that are no articles: a PDF dropped in is not read unnoticed)
        summary.unread = unread_kinds(paths, written)
    if not summary.read and not summary.skipped:
        _error(_NO_ARTICLES)
        failed = True
    _note(str(summary), quiet)
    raise typer.Exit(1 if failed else 0)


def _lines_printable(report: str) -> str:
    """A report made printable line by line: its lines end with LF; any other line break is
    inside a line (a name, a text) and is escaped with the rest."""
    return "\n".join(printable(line) for line in report.split("\n"))


def _note(line: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(printable(line), err=True)


def _warn(line: str, quiet: bool = False) -> None:
    _note(f"warning: {line}", quiet)


def _error(line: str) -> None:
    typer.echo(printable(f"error: {line}"), err=True)


def _fail(line: str, code: int = 1):
    _error(line)
    raise typer.Exit(code)


if __name__ == "__main__":  # python -m timeline.cli
    app(prog_name="timeline")
