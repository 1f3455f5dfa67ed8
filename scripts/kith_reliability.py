"""Shared by scripts/crash-test and scripts/concurrency-test: running kith, and judging a kith
database from the outside.

Every check here reads a *copy* of the database (the file and its -wal), never the file kith
uses: opening it would run SQLite's recovery and checkpoint in this process, and the point
of the crash test is that kith itself recovers what a killed kith left behind.
"""

import json
import os
import shutil
import sqlite3
import subprocess

TODAY = "2026-11-22"

# Columns that differ between two runs of the same command: random ids and clock times (the
# journal's `at` among them).
VOLATILE_COLUMNS = {"uuid", "created_at", "updated_at", "at"}


def dumped(value):
    """A value as the dump shows it: a blob (a journal changeset, which holds uuids and clock
    times) by its size alone, which two runs of the same command share."""
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


class Kith:
    """Runs one kith binary on one database with a fixed today, in a minimal environment."""

    def __init__(self, binary, db, today=TODAY):
        self.binary = os.path.abspath(binary)
        self.db = db
        self.today = today
        self.env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C"}
        for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if name in os.environ:
                self.env[name] = os.environ[name]
        # Under AddressSanitizer, leak checking at exit costs a third of each run; these
        # runs are about the database (a killed process never reaches it anyway), and the
        # Catch2 suite checks the same commands for leaks.
        if "ASAN_OPTIONS" in self.env:
            self.env["ASAN_OPTIONS"] += ":detect_leaks=0"

    def argv(self, args, today=None):
        return [self.binary, "--db", self.db, "--today", today or self.today] + list(args)

    def run(self, args, today=None, check=True):
        """Runs kith to the end; returns (exit code, stdout, stderr) as text."""
        done = subprocess.run(self.argv(args, today), env=self.env, stdin=subprocess.DEVNULL,
                              capture_output=True)
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        if check and done.returncode != 0:
            raise RuntimeError(f"kith {' '.join(args)} exited {done.returncode}: {err.strip()}")
        return done.returncode, out, err

    def start(self, args, today=None):
        """Starts kith without waiting; output is discarded."""
        return subprocess.Popen(self.argv(args, today), env=self.env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def copy_database(src, dst):
    """Copies a database as a killed process left it: the file and its -wal (the -shm is only
    an index that SQLite rebuilds). `dst` is replaced. No kith may be running on `src`."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
    shutil.copyfile(src, dst)
    if os.path.exists(src + "-wal"):
        shutil.copyfile(src + "-wal", dst + "-wal")


def connect(path):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys = OFF")
    return db


def logical_dump(path):
    """Every row of every table as sorted text, without the volatile columns, plus the terms
    of both search indexes with their counts: equal for two databases holding the same
    records, whatever their page layout, ids from random sources or clock times."""
    db = connect(path)
    try:
        out = [f"user_version={db.execute('PRAGMA user_version').fetchone()[0]}"]
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%_fts_%'"
            " ORDER BY name")]
        for table in tables:
            cursor = db.execute(f'SELECT * FROM "{table}"')
            keep = [i for i, d in enumerate(cursor.description) if d[0] not in VOLATILE_COLUMNS]
            rows = sorted("|".join(dumped(row[i]) for i in keep) for row in cursor)
            out.append(f"[{table}]")
            out.extend(rows)
        for fts in ("contacts_fts", "interactions_fts"):
            db.execute(f"CREATE VIRTUAL TABLE temp.{fts}_terms USING fts5vocab(main, {fts}, row)")
            out.append(f"[{fts} terms]")
            out.extend(f"{t}|{d}|{c}" for t, d, c in
                       db.execute(f"SELECT term, doc, cnt FROM temp.{fts}_terms ORDER BY term"))
        return "\n".join(out) + "\n"
    finally:
        db.close()


def invariant_problems(path):
    """What is wrong with the database at `path` (a copy: the full-text check writes to it),
    as a list of sentences; empty when it is sound."""
    db = connect(path)
    problems = []
    try:
        integrity = [r[0] for r in db.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            return [f"integrity_check: {'; '.join(integrity[:5])}"]
        for row in db.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key broken: {row}")
        for fts in ("contacts_fts", "interactions_fts"):
            try:
                db.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as e:
                problems.append(f"{fts} does not match its table: {e}")
        # The per-person summary equals the sums over the person's interactions.
        for row in db.execute("""
            SELECT c.id, s.last_day, s.given, s.received, s.last_gave_day,
              (SELECT max(p.day) FROM interaction_people p WHERE p.contact_id = c.id),
              (SELECT coalesce(sum(i.weight), 0) FROM interaction_people p
                 JOIN interactions i ON i.id = p.interaction_id
                 WHERE p.contact_id = c.id AND i.direction = 'gave'),
              (SELECT coalesce(sum(i.weight), 0) FROM interaction_people p
                 JOIN interactions i ON i.id = p.interaction_id
                 WHERE p.contact_id = c.id AND i.direction = 'received'),
              (SELECT max(p.day) FROM interaction_people p
                 JOIN interactions i ON i.id = p.interaction_id
                 WHERE p.contact_id = c.id AND i.direction = 'gave')
            FROM contacts c LEFT JOIN contact_stats s ON s.contact_id = c.id"""):
            cid, stored, expected = row[0], row[1:5], row[5:9]
            if stored != expected:
                problems.append(f"contact {cid}: summary {stored} but interactions say {expected}")
        orphans = db.execute("SELECT count(*) FROM contact_stats s WHERE NOT EXISTS"
                             " (SELECT 1 FROM contacts c WHERE c.id = s.contact_id)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} summaries of contacts that do not exist")
        for iid, in db.execute("SELECT i.id FROM interactions i WHERE NOT EXISTS"
                               " (SELECT 1 FROM interaction_people p"
                               " WHERE p.interaction_id = i.id)"):
            problems.append(f"interaction {iid} has nobody")
        for iid, in db.execute("SELECT DISTINCT p.interaction_id FROM interaction_people p"
                               " JOIN interactions i ON i.id = p.interaction_id"
                               " WHERE p.day != i.day"):
            problems.append(f"interaction {iid}: its people carry another day")
        for rid, in db.execute("SELECT id FROM reminders WHERE done_on IS NOT NULL"
                               " AND (last_done IS NULL OR last_done != done_on)"):
            problems.append(f"reminder {rid}: done but its last_done disagrees")
        return problems
    finally:
        db.close()


def parse_json(text, what):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise AssertionError(f"{what}: not one JSON document ({e}): {text[:200]!r}")
