#!/usr/bin/env python3
"""Checks every JSON output of cio-gap against schema/cio-gap.schema.json.

Usage: validate.py CIO_GAP_BINARY SOURCE_DIR

Runs the binary on the examples (scan, scan --format jsonl, assess for each example profile,
a batch assess, diff, explain) from SOURCE_DIR and validates each output against the entry
point of the schema it must match, and against the root (which must pick exactly that one). It
also checks that the schema is strict (every object closed, every property required: a field is
null, never left out) and that it rejects an output with an extra or a missing property. Exit status 0 when everything validates, 1 otherwise. A subcommand or format
the binary does not offer yet is reported as SKIP, not as a failure.
"""

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator

# Object schemas that are deliberately open: they are closed by the schemas that use them
# (with unevaluatedProperties: false).
OPEN_BY_DESIGN = {"/$defs/qualification_fields"}


class Checker:
    def __init__(self, binary, source_dir):
        self.binary = binary
        self.source_dir = source_dir
        with open(os.path.join(source_dir, "schema", "cio-gap.schema.json"), encoding="utf-8") as f:
            self.schema = json.load(f)
        self.failures = 0
        self.skips = 0

    def fail(self, what, message):
        self.failures += 1
        print(f"FAIL {what}: {message}")

    def validator(self, entry):
        """A validator for one entry point (#/$defs/ENTRY), or the root when entry is None."""
        schema = self.schema
        if entry is not None:
            schema = {k: v for k, v in self.schema.items() if k != "oneOf"}
            schema["$ref"] = "#/$defs/" + entry
        return Draft202012Validator(schema)

    def errors(self, document, entry):
        return sorted(self.validator(entry).iter_errors(document), key=lambda e: list(e.absolute_path))

    def validate(self, what, document, entry):
        problems = self.errors(document, entry)
        if problems:
            for error in problems[:5]:
                where = "/" + "/".join(str(p) for p in error.absolute_path)
                self.fail(what, f"{where}: {error.message[:300]}")
            return False
        if self.errors(document, None):
            self.fail(what, f"valid as #/$defs/{entry} but not under the root oneOf (ambiguous or missing)")
            return False
        print(f"ok   {what} (#/$defs/{entry})")
        return True

    def run(self, args, what):
        """Runs cio-gap; returns its stdout, or None (after reporting) when it failed."""
        result = subprocess.run([self.binary, *args, "--quiet"], cwd=self.source_dir, capture_output=True,
                                text=True, encoding="utf-8", check=False)
        if result.returncode != 0:
            self.fail(what, f"exit {result.returncode}: {result.stderr.strip()}")
            return None
        return result.stdout

    def offers(self, args, needle, what):
        """Whether `cio-gap ARGS --help` succeeds and mentions `needle`; reports a SKIP if not."""
        result = subprocess.run([self.binary, *args, "--help"], cwd=self.source_dir, capture_output=True,
                                text=True, encoding="utf-8", check=False)
        usage = next((line for line in result.stdout.splitlines() if line.startswith("Usage:")), "")
        if result.returncode == 0 and " ".join(["cio-gap", *args]) in usage and needle in result.stdout:
            return True
        self.skips += 1
        print(f"SKIP {what}: this cio-gap does not offer it yet ('cio-gap {' '.join(args)} --help')")
        return False

    def check_schema_is_strict(self):
        Draft202012Validator.check_schema(self.schema)

        def walk(node, pointer):
            if isinstance(node, dict):
                is_object = node.get("type") == "object" or "properties" in node
                # A map (profile_status) is closed by the schema of its values.
                closed = (node.get("additionalProperties") is False or isinstance(node.get("additionalProperties"), dict)
                          or node.get("unevaluatedProperties") is False)
                if is_object and not closed and pointer not in OPEN_BY_DESIGN:
                    self.fail("schema", f"{pointer}: object schema without additionalProperties: false")
                for key, value in node.items():
                    if key in ("properties", "$defs"):
                        for name, sub in value.items():
                            walk(sub, f"{pointer}/{key}/{name}")
                    elif key != "const":
                        walk(value, f"{pointer}/{key}")
            elif isinstance(node, list):
                for i, item in enumerate(node):
                    walk(item, f"{pointer}/{i}")

        def required_of(node):
            required = set(node.get("required", []))
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                required |= required_of(self.schema["$defs"][ref[len("#/$defs/"):]])
            return required

        def walk_required(node, pointer):
            if isinstance(node, dict):
                if "properties" in node:
                    missing = sorted(set(node["properties"]) - required_of(node))
                    if missing:
                        self.fail("schema", f"{pointer}: properties not required: {', '.join(missing)}")
                for key, value in node.items():
                    if key != "const":
                        walk_required(value, f"{pointer}/{key}")
            elif isinstance(node, list):
                for i, item in enumerate(node):
                    walk_required(item, f"{pointer}/{i}")

        before = self.failures
        walk(self.schema, "")
        walk_required(self.schema, "")
        if self.failures == before:
            print("ok   schema: valid draft 2020-12, every object closed, every property required")

    def check_extra_property_rejected(self, report):
        places = [lambda r: r, lambda r: r["profile"], lambda r: r["years"], lambda r: r["leadership_years"],
                  lambda r: r["profile_status"],
                  lambda r: r["qualifications"][0],
                  lambda r: r["readiness_checks"][0], lambda r: r["postings"][0]]
        if report["gaps"]:
            places.append(lambda r: r["gaps"][0])
        before = self.failures
        for i, place in enumerate(places):
            mutated = copy.deepcopy(report)
            place(mutated)["unexpected"] = 1
            if not self.errors(mutated, "assess"):
                self.fail("schema", f"accepts an assess report with an extra property (place {i})")
        for i, place in enumerate(places):
            if i == 4:
                continue  # profile_status maps each id of the active rules: no key is required
            mutated = copy.deepcopy(report)
            target = place(mutated)
            del target[next(iter(target))]
            if not self.errors(mutated, "assess"):
                self.fail("schema", f"accepts an assess report with a property left out (place {i})")
        if self.failures == before:
            print("ok   schema rejects an extra or a missing property anywhere in an assess report")

    def main(self):
        self.check_schema_is_strict()

        scan_text = self.run(["scan", "examples/jobs", "--format", "json"], "scan --format json")
        scan = json.loads(scan_text) if scan_text is not None else None
        if scan is not None:
            self.validate("scan examples/jobs --format json", scan, "scan")

        duplicates = self.run(["scan", "tests/fixtures/formats/same", "--format", "json"], "scan duplicates")
        if duplicates is not None:
            document = json.loads(duplicates)
            if not any(p["duplicate"] for p in document["postings"]):
                self.fail("scan duplicates", "expected a posting flagged duplicate in tests/fixtures/formats/same")
            self.validate("scan tests/fixtures/formats/same --format json", document, "scan")

        diagnosed = self.run(["scan", "tests/fixtures/diagnosis", "--format", "json"], "scan diagnoses")
        if diagnosed is not None:
            document = json.loads(diagnosed)
            found = sorted(p.get("diagnosis") for p in document["postings"])
            if found != ["no-qualifications", "no-role-text"]:
                self.fail("scan diagnoses", f"expected both diagnoses in tests/fixtures/diagnosis, got {found}")
            self.validate("scan tests/fixtures/diagnosis --format json", document, "scan")

        targeted = self.run(["scan", "tests/fixtures/containers", "--target-role", "CIO", "--format", "json"],
                            "scan --target-role")
        if targeted is not None:
            document = json.loads(targeted)
            if document["postings_off_target"] != 2 or document["postings"][0]["company"] != "Acme Health":
                self.fail("scan --target-role", "expected 2 postings off target and the CIO posting's company")
            self.validate("scan tests/fixtures/containers --target-role CIO --format json", document, "scan")

        jsonl = None
        if self.offers(["scan"], "jsonl", "scan --format jsonl"):
            jsonl = self.run(["scan", "examples/jobs", "--format", "jsonl"], "scan --format jsonl")
        if jsonl is not None:
            lines = jsonl.splitlines()
            ok = self.validate("scan --format jsonl line 1", json.loads(lines[0]), "scan_header")
            ok = self.validate(f"scan --format jsonl line {len(lines)}", json.loads(lines[-1]), "scan_summary") and ok
            lines = lines[1:-1]
            ok = all([self.validate(f"scan --format jsonl line {i + 2}", json.loads(line), "posting")
                      for i, line in enumerate(lines)]) and ok
            if ok and scan is not None and [json.loads(line) for line in lines] != scan["postings"]:
                self.fail("scan --format jsonl", "lines differ from the postings of scan --format json")

        reports = {}
        for profile in ("me", "mba"):
            text = self.run(["assess", f"examples/{profile}.yaml", "examples/jobs", "--format", "json"],
                            f"assess {profile}")
            if text is not None:
                reports[profile] = json.loads(text)
                self.validate(f"assess examples/{profile}.yaml examples/jobs --format json", reports[profile],
                              "assess")
        top = self.run(["assess", "examples/me.yaml", "examples/jobs", "--format", "json", "--top", "2"],
                       "assess --top 2")
        if top is not None:
            self.validate("assess examples/me.yaml examples/jobs --format json --top 2", json.loads(top), "assess")
        if "me" in reports:
            self.check_extra_property_rejected(reports["me"])
        unread_text = self.run(["assess", "examples/me.yaml", "tests/fixtures/diagnosis", "--all-roles", "--format",
                                "json"],
                               "assess unread postings")
        if unread_text is not None:
            reports["unread"] = json.loads(unread_text)
            if reports["unread"]["readiness_score"] is not None or reports["unread"]["postings_left_out"] != 2:
                self.fail("assess unread postings", "expected a null score and 2 postings left out")
            self.validate("assess examples/me.yaml tests/fixtures/diagnosis --format json", reports["unread"],
                          "assess")

        with tempfile.TemporaryDirectory(prefix="cio-gap-schema-") as tmp:
            clients = os.path.join(tmp, "clients")
            os.mkdir(clients)
            for profile in ("me", "mba"):
                shutil.copy(os.path.join(self.source_dir, "examples", f"{profile}.yaml"), clients)
            batch_text = self.run(["assess", clients, "examples/jobs", "--format", "json"], "batch assess")
            if batch_text is not None:
                batch = json.loads(batch_text)
                self.validate("assess CLIENTS/ examples/jobs --format json", batch, "batch_assess")

            files = {}
            for name, document in list(reports.items()) + ([("batch", batch)] if batch_text is not None else []):
                files[name] = os.path.join(tmp, f"{name}.json")
                with open(files[name], "w", encoding="utf-8") as f:
                    json.dump(document, f)
            offers_diff = files and self.offers(["diff"], "--format", "diff --format json")
            if offers_diff and "me" in files and "mba" in files:
                diff = self.run(["diff", files["mba"], files["me"], "--format", "json"], "diff --format json")
                if diff is not None:
                    self.validate("diff MBA.json ME.json --format json", json.loads(diff), "diff")
            if offers_diff and "unread" in files and "me" in files:
                diff = self.run(["diff", files["me"], files["unread"], "--format", "json"], "diff to no score")
                if diff is not None:
                    self.validate("diff ME.json UNREAD.json --format json", json.loads(diff), "diff")
            if offers_diff and "batch" in files and "me" in files:
                diff = self.run(["diff", files["batch"], files["me"], "--format", "json"], "batch diff")
                if diff is not None:
                    self.validate("diff BATCH.json ME.json --format json", json.loads(diff), "diff")
            if offers_diff and "me" in files:
                # Reports written by 1.x are read too; the diff is in 2.0's words.
                old = os.path.join(self.source_dir, "tests", "fixtures", "reports", "me-1.4.json")
                diff = self.run(["diff", old, files["me"], "--format", "json"], "diff of a 1.4 report")
                if diff is not None:
                    self.validate("diff ME-1.4.json ME.json --format json", json.loads(diff), "diff")
            offers_trend = files and self.offers(["trend"], "--format", "trend --format json")
            if offers_trend and "me" in files and "mba" in files and "unread" in files:
                trend = self.run(["trend", files["mba"], files["me"], files["unread"], "--format", "json"],
                                 "trend --format json")
                if trend is not None:
                    document = json.loads(trend)
                    steps = document["profiles"][0]["steps"] if document["profiles"] else []
                    if len(steps) != 2 or steps[0]["split"] is None:
                        self.fail("trend --format json", "expected two steps, the first split")
                    self.validate("trend MBA.json ME.json UNREAD.json --format json", document, "trend")
            if offers_trend and "batch" in files:
                trend = self.run(["trend", files["batch"], files["batch"], "--format", "json"], "batch trend")
                if trend is not None:
                    self.validate("trend BATCH.json BATCH.json --format json", json.loads(trend), "trend")

        if self.offers(["explain"], "json", "explain --format json"):
            for args in (["explain", "budget-management", "examples/jobs", "--format", "json"],
                         ["explain", "budget-management", "examples/jobs", "--format", "json", "--demanded-only",
                          "--profile", "examples/me.yaml"],
                         ["explain", "cloud", "tests/fixtures/diagnosis", "--format", "json", "--profile",
                          "examples/mba.yaml"]):
                text = self.run(args, " ".join(args))
                if text is not None:
                    self.validate(" ".join(args), json.loads(text), "explain")


        print(f"{self.failures} failed, {self.skips} skipped")
        return 1 if self.failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(Checker(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])).main())
