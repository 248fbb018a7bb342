#!/usr/bin/env python3
"""Checks the man page and the shell completions against the program's own --help.

usage: completions.py CIO_GAP DOC_DIR

For every command (read from `cio-gap --help` and each command's --help), the bash completion
must offer the command's subcommands after it and every option after "-"; the fish completion
the same (when fish is installed); the zsh script must name every option in the command's
function and parse (`zsh -n`, when zsh is installed); the man page must name every command
and option and format without warnings (when man is installed).
"""
import os
import re
import shutil
import subprocess
import sys

cio_gap, doc_dir = sys.argv[1], sys.argv[2]
failures = []


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def help_of(path):
    return run([cio_gap, *path, "--help"]).stdout


def parse_help(text):
    """(subcommands, options) listed in a --help text."""
    subcommands, options = [], set()
    section = None
    for line in text.splitlines():
        if line.endswith(":") and not line.startswith(" "):
            section = line[:-1]
            continue
        if not line.startswith("  "):
            continue
        first = line.split()[0]
        if section == "Subcommands":
            subcommands.append(first)
        elif section == "Options":
            for name in re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", first):
                options.add(name)
    return subcommands, options


commands = {}  # path tuple -> (subcommands, options)
todo = [()]
while todo:
    path = todo.pop()
    subs, options = parse_help(help_of(list(path)))
    commands[path] = (subs, options)
    todo.extend(path + (sub,) for sub in subs)
if len(commands) < 8:
    failures.append(f"expected the commands of cio-gap, found {sorted(commands)}")


def bash_complete(words):
    script = os.path.join(doc_dir, "cio-gap.bash")
    line = " ".join(words)
    program = (f"source {script}\nCOMP_WORDS=({line})\nCOMP_CWORD={len(words) - 1}\n"
               "_cio_gap\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
    result = run(["bash", "--norc", "-c", program])
    if result.returncode != 0:
        failures.append(f"bash completion of {line!r} failed: {result.stderr.strip()}")
    return set(result.stdout.split())


def fish_complete(words):
    script = os.path.join(doc_dir, "cio-gap.fish")
    line = " ".join(words)
    result = run(["fish", "--no-config", "-c", f"source {script}; complete -C '{line}'"])
    return {row.split("\t")[0] for row in result.stdout.splitlines() if row}


if run(["bash", "-n", os.path.join(doc_dir, "cio-gap.bash")]).returncode != 0:
    failures.append("cio-gap.bash does not parse (bash -n)")
have_fish = shutil.which("fish") is not None
have_zsh = shutil.which("zsh") is not None
if have_fish and run(["fish", "--no-execute", os.path.join(doc_dir, "cio-gap.fish")]).returncode != 0:
    failures.append("cio-gap.fish does not parse (fish -n)")
if have_zsh and run(["zsh", "-n", os.path.join(doc_dir, "_cio-gap")]).returncode != 0:
    failures.append("_cio-gap does not parse (zsh -n)")
zsh_script = open(os.path.join(doc_dir, "_cio-gap"), encoding="utf-8").read()
man = open(os.path.join(doc_dir, "cio-gap.1"), encoding="utf-8").read().replace("\\-", "-")

for path, (subs, options) in sorted(commands.items()):
    where = "cio-gap " + " ".join(path)
    offered = bash_complete(["cio-gap", *path, "''"]) if subs else set()
    if subs and offered != set(subs):
        failures.append(f"bash after {where!r}: offers {sorted(offered)}, expected {sorted(subs)}")
    wanted = options - {"-h", "--help", "-V", "--version"} if path else options
    offered = bash_complete(["cio-gap", *path, "-"])
    if not wanted <= offered:
        failures.append(f"bash after {where + ' -'!r}: missing {sorted(wanted - offered)}")
    if have_fish:
        if subs and not set(subs) <= fish_complete(["cio-gap", *path, ""]):
            failures.append(f"fish after {where!r}: missing commands {sorted(set(subs) - fish_complete(['cio-gap', *path, '']))}")
        long_options = {o for o in wanted if o.startswith("--")}
        offered = fish_complete(["cio-gap", *path, "--"])
        if not long_options <= offered:
            failures.append(f"fish after {where + ' --'!r}: missing {sorted(long_options - offered)}")
    function = "_cio_gap" + "".join("_" + p for p in path) + "() {"
    body = zsh_script[zsh_script.find(function):]
    body = body[:body.find("\n}\n")]
    if function not in zsh_script:
        failures.append(f"zsh: no function for {where!r}")
    for option in sorted(wanted):
        if f"'{option}[" not in body:
            failures.append(f"zsh {where!r}: option {option} missing")
        if option.startswith("--") and option not in man:
            failures.append(f"man page: option {option} missing")
    if path and ("cio-gap " + " ".join(path)) not in man:
        failures.append(f"man page: command {where!r} missing")

if shutil.which("man"):
    result = run(["man", "--warnings", "-l", os.path.join(doc_dir, "cio-gap.1")],
                 env={**os.environ, "MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"})
    if result.returncode != 0 or result.stderr.strip():
        failures.append(f"man -l cio-gap.1: {result.returncode} {result.stderr.strip()}")

for failure in failures:
    print(failure)
print(f"{len(commands)} commands checked; {len(failures)} failures")
sys.exit(1 if failures else 0)
