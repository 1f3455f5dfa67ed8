#!/usr/bin/python3
"""Checks docs/export.schema.json with an independent validator (python3-jsonschema):

1. the schema is a valid JSON Schema (draft 2020-12);
2. real exports validate: a database with every kind of record and every field filled,
   including a saved plan, external ids from vCard and LinkedIn imports, an archived
   contact, done, cancelled and recurring reminders; and an empty database;
3. the schema is not vacuous: documents broken in typical ways fail it.

Usage: check_export_schema.py KITH_BINARY SOURCE_DIR
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

kith, source = sys.argv[1], sys.argv[2]
fixtures = os.path.join(source, "tests", "formats", "fixtures")
with open(os.path.join(source, "docs", "export.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = []


def run(db, *args, today="2026-11-22"):
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "SOURCE_DATE_EPOCH": "1795381391"}
    for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if name in os.environ:
            env[name] = os.environ[name]
    done = subprocess.run([kith, "--db", db, "--today", today, *args], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"kith {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def check(label, document, valid):
    errors = list(validator.iter_errors(document))
    if valid and errors:
        failures.append(f"{label}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
    if not valid and not errors:
        failures.append(f"{label}: the schema accepts it")


broken_documents = []
with tempfile.TemporaryDirectory() as tmp:
    empty = os.path.join(tmp, "empty.db")
    check("an empty database", json.loads(run(empty, "export")), True)

    db = os.path.join(tmp, "kith.db")
    run(db, "types", "add", "friend", "--every", "3m", "--weight", "2")
    run(db, "add", "Ada Lovelace", "--type", "mentor", "--type", "friend", "--every", "5w",
        "--email", "ada@example.com", "--phone", "+44 20 7946 0958", "--org", "Engines",
        "--title", "Countess", "--birthday", "12-10", "--date", "work anniversary=2019-03-01",
        "--tag", "math", "--circle", "2", "--learn", "How", "--offer", "An intro",
        "--note", "two\nlines", today="2026-06-01")
    run(db, "add", "Grace Hopper", "--type", "sponsor", "--met-via", "ada",
        "--birthday", "1972-02-29")
    run(db, "add", "Old Colleague", "--met-via", "someone from school")
    run(db, "archive", "old colleague")
    run(db, "log", "ada", "grace", "Lunch", "--via", "meal", "--gave", "--weight", "2",
        "--on", "2026-11-01", "--next", "friday", "Send the slides")
    run(db, "log", "ada", "Call", "--received")
    run(db, "remind", "ada", "Send the deck", "--on", "2026-11-30", "--promise")
    run(db, "remind", "Review my list", "--in", "1w", "--every", "2w")
    run(db, "remind", "grace", "Ask about the board", "--on", "2026-11-23")
    run(db, "done", "4")
    run(db, "remind", "grace", "Send the slides again", "--on", "2026-11-24")
    run(db, "cancel", "5")
    run(db, "remind", "grace", "Weekly 1:1", "--on", "2026-11-26", "--every", "1w", "--meeting")
    run(db, "agenda", "grace", "Ask about the navy")
    run(db, "agenda", "ada", "The engine notes")
    run(db, "log", "ada", "Coffee", "--covered", "all")
    run(db, "skip", "grace")
    run(db, "goal", "add", "Become a staff engineer", "--by", "2027-06-30", "--needs",
        "mentor,sponsor")
    run(db, "goal", "link", "1", "ada", "grace")
    run(db, "goal", "add", "Give a conference talk", "--needs", "none")
    run(db, "goal", "done", "2")
    run(db, "add", "Lin Chen", "--target", "--org", "Initech")
    run(db, "knows", "grace", "lin", "--how", "former colleagues")
    run(db, "import", os.path.join(fixtures, "apple-3.0.vcf"))
    run(db, "import", os.path.join(fixtures, "Connections.csv"))
    document = json.loads(run(db, "export"))
    plan = copy.deepcopy(document["reminders"][0])
    plan.update(uuid="12345678-1234-4234-8234-123456789012", kind="plan", text="Reach out")
    document["reminders"].append(plan)
    with open(os.path.join(tmp, "plan.json"), "w", encoding="utf-8") as f:
        json.dump(document, f)
    run(db, "import", os.path.join(tmp, "plan.json"))
    document = json.loads(run(db, "export"))

    kinds = {r["kind"] for r in document["reminders"]}
    assert kinds == {"reminder", "promise", "followup", "plan", "meeting", "topic", "skip"}, kinds
    assert any(c["external_ids"] for c in document["contacts"]), "no external ids"
    assert any(c["archived"] for c in document["contacts"]), "no archived contact"
    assert any(r["cancelled"] for r in document["reminders"]), "no cancelled reminder"
    assert any(g["people"] for g in document["goals"]), "no goal with people"
    assert any(g["done_on"] for g in document["goals"]), "no done goal"
    assert any(c.get("target") for c in document["contacts"]), "no target"
    assert document.get("links"), "no link"
    check("a database with every kind of record", document, True)

    def broken(label, change):
        broken_documents.append(label)
        bad = copy.deepcopy(document)
        change(bad)
        check(label, bad, False)

    broken("a contact without its name", lambda d: d["contacts"][0].pop("name"))
    broken("an unknown key", lambda d: d["contacts"][0].update(nickname="Ada"))
    broken("a newer version", lambda d: d.update(version=2))
    broken("another format", lambda d: d.update(format="vcard"))
    broken("an uppercase uuid", lambda d: d["types"][0].update(uuid=d["types"][0]["uuid"].upper()))
    broken("a timestamp without milliseconds",
           lambda d: d["interactions"][0].update(updated_at="2026-11-22T21:03:11Z"))
    broken("a weight of 6", lambda d: d["interactions"][0].update(weight=6))
    broken("an interaction with nobody", lambda d: d["interactions"][0].update(people=[]))
    broken("an unknown reminder kind", lambda d: d["reminders"][0].update(kind="todo"))
    broken("a circle of 4", lambda d: d["contacts"][0].update(circle=4))
    meeting = next(i for i, r in enumerate(document["reminders"]) if r["kind"] == "meeting")
    broken("a meeting that does not recur",
           lambda d: d["reminders"][meeting].update(every=None))
    broken("a meeting with nobody", lambda d: d["reminders"][meeting].update(contact=None))
    broken("a topic with an empty text",
           lambda d: next(r for r in d["reminders"] if r["kind"] == "topic").update(text=""))
    broken("a missing section", lambda d: d.pop("reminders"))
    broken("a cadence in hours", lambda d: d["contacts"][0].update(every="12h"))
    broken("a cancelled flag that is not a boolean",
           lambda d: d["reminders"][0].update(cancelled="yes"))
    broken("a cancelled reminder that is open",
           lambda d: d["reminders"][0].update(cancelled=True, done_on=None))

    broken("a goal with an empty text", lambda d: d["goals"][0].update(text=""))
    broken("a goal role that is not a type name",
           lambda d: d["goals"][0]["people"][0].update(role="Mentor!"))
    broken("a goal person without a uuid", lambda d: d["goals"][0]["people"][0].pop("contact"))

    # An export from before goals still passes: the section is optional.
    no_goals = copy.deepcopy(document)
    no_goals.pop("goals")
    check("an export without goals", no_goals, True)

    # An export from before the cancelled flag still passes: the key is optional.
    older = copy.deepcopy(document)
    for reminder in older["reminders"]:
        reminder.pop("cancelled")
    check("an export without the cancelled flag", older, True)

for failure in failures:
    print("FAIL", failure)
if failures:
    sys.exit(1)
print(f"docs/export.schema.json: valid; real exports pass; {len(broken_documents)} broken "
      "documents fail")
