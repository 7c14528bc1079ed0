# help_matches_man: checks that each binary's --help, its man page (as groff shows it), the options
# its main.cc parses, and /etc/default/vnsearchd name the same options and variables.
# CTest calls it as: python3 tests/install/help_matches_man.py <build-dir> <source-dir>
import re
import subprocess
import sys
from pathlib import Path

OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*[a-z]")
VARIABLE = re.compile(r"\bVNSEARCH_[A-Z_]*[A-Z]\b")


def rendered_man_page(path):
    """The man page as plain text, the way man shows it, without its EXAMPLES and SEE ALSO
    (they run and name other programs, with their own options)."""
    result = subprocess.run(
        ["groff", "-man", "-Tutf8", "-P-cbou", str(path)], capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"help_matches_man: groff cannot render {path}: {result.stderr}")
    return re.sub(r"\n(EXAMPLES|SEE ALSO)\n.*?(?=\n[A-Z][A-Z ]+\n|\Z)", "\n", result.stdout,
                  flags=re.S)


def differences(first_name, first, second_name, second):
    """Lines naming what one of two sets has and the other lacks."""
    return [
        f"{name_a} names {', '.join(sorted(a - b))}, {name_b} does not"
        for name_a, a, name_b, b in ((first_name, first, second_name, second),
                                     (second_name, second, first_name, first))
        if a - b
    ]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python3 tests/install/help_matches_man.py <build-dir> <source-dir>")
    build_dir, source_dir = Path(sys.argv[1]), Path(sys.argv[2])
    problems = []
    binaries = [("indexer", "vnsearch-index", 1), ("searchd", "vnsearchd", 8)]
    for folder, program, section in binaries:
        help_text = subprocess.run(
            [str(build_dir / folder / program), "--help"], capture_output=True, text=True,
            check=True
        ).stdout
        man_text = rendered_man_page(build_dir / "man" / f"{program}.{section}")
        parsed = set(re.findall(r'"(--[a-z][a-z-]*[a-z])=?"',
                                (source_dir / folder / "main.cc").read_text(encoding="utf-8")))
        help_options, man_options = set(OPTION.findall(help_text)), set(OPTION.findall(man_text))
        problems += differences(f"{program} --help", help_options, f"{program}({section})",
                                man_options)
        problems += differences(f"{folder}/main.cc (the options it parses)", parsed,
                                f"{program} --help", help_options)
        problems += differences(f"{program} --help", set(VARIABLE.findall(help_text)),
                                f"{program}({section})", set(VARIABLE.findall(man_text)))
        if "\nENVIRONMENT\n" not in man_text and VARIABLE.search(help_text):
            problems.append(f"{program}({section}) has no ENVIRONMENT section")
        if program == "vnsearchd":
            defaults = (source_dir / "packaging" / "vnsearchd.default").read_text(encoding="utf-8")
            missing = set(VARIABLE.findall(help_text)) - set(VARIABLE.findall(defaults))
            if missing:
                problems.append("packaging/vnsearchd.default does not show "
                                f"{', '.join(sorted(missing))} (it lists every setting)")
    for problem in problems:
        print(f"help_matches_man: {problem}", file=sys.stderr)
    if problems:
        sys.exit("help_matches_man: a binary's options and variables are written once, in its usage "
                 "source (indexer/vnsearch-index.usage, searchd/vnsearchd.usage), which makes both "
                 "--help and the man page: add or remove them there")
    print("help_matches_man: --help, man pages, parsed options and settings file agree")


if __name__ == "__main__":
    main()
