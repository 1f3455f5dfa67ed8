#!/usr/bin/python3
"""End-to-end with real components: kith, vdirsyncer and a Radicale CardDAV/CalDAV server.

Starts Radicale on 127.0.0.1 (a free port, temporary storage, no authentication), creates an
address book (extended MKCOL) and a calendar (MKCALENDAR), and runs vdirsyncer with the
configuration docs/sync.md shows, between kith's vdirs and the server. Then plays the phone
with plain HTTP: PUTs a new card with its own UID, edits a card kith made, DELETEs another;
syncs again and checks both sides. Exits 0 when every check holds; prints what failed
otherwise. Every child has a timeout, and Radicale is stopped on the way out.

Usage: carddav.py --kith PATH [--source DIR]
"""
import argparse
import base64
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

PHONE_UID = "5C3F0A1E-7B2D-4C11-9E3A-0F1E2D3C4B5A"
TODAY = "2026-11-22"
AUTH = "Basic " + base64.b64encode(b"user:secret").decode()
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, root):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = os.path.join(root, "radicale.conf")
        with open(config, "w") as f:
            f.write(f"[server]\nhosts = 127.0.0.1:{self.port}\n"
                    f"[auth]\ntype = none\n"
                    f"[storage]\nfilesystem_folder = {os.path.join(root, 'collections')}\n"
                    f"[logging]\nlevel = warning\n")
        self.log = open(os.path.join(root, "radicale.log"), "w+")
        self.process = subprocess.Popen(
            ["/usr/bin/python3", "-m", "radicale", "--config", config],
            stdout=self.log, stderr=subprocess.STDOUT, env=dict(os.environ, HOME=root))
        deadline = time.time() + 20
        while True:
            if self.process.poll() is not None:
                raise SystemExit("radicale ended at start:\n" + self.output())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if time.time() > deadline:
                    raise SystemExit("radicale did not listen within 20 s:\n" + self.output())
                time.sleep(0.1)

    def output(self):
        self.log.seek(0)
        return self.log.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        all_headers = {"Authorization": AUTH}
        all_headers.update(headers or {})
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        connection.close()
        return response.status, data

    def items(self, collection):
        """{href: text} of every item in the collection (PROPFIND, then GET each)."""
        status, body = self.request("PROPFIND", collection, "", {"Depth": "1"})
        assert status == 207, f"PROPFIND {collection}: {status} {body}"
        hrefs = [h for h in re.findall(r"<(?:\w+:)?response>\s*<(?:\w+:)?href>([^<]+)<", body)
                 if h.rstrip("/") != collection.rstrip("/")]
        out = {}
        for href in hrefs:
            status, text = self.request("GET", href)
            assert status == 200, f"GET {href}: {status}"
            out[href] = text
        return out


def run(argv, env, stdin=None, timeout=60):
    result = subprocess.run(argv, env=env, input=stdin, capture_output=True, text=True,
                            timeout=timeout)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)}: exit {result.returncode}\n{result.stdout}"
                         f"{result.stderr}")
    return result.stdout


def vdirsyncer_config(source, root, url):
    """The configuration docs/sync.md shows, pointed at this server and these folders."""
    with open(os.path.join(source, "docs", "sync.md")) as f:
        doc = f.read()
    marker = doc.index("<!-- vdirsyncer-config")
    block = re.search(r"```ini\n(.*?)```", doc[marker:], re.S).group(1)
    replacements = {
        "~/.local/share/vdirsyncer/status/": os.path.join(root, "status") + "/",
        "~/.local/share/kith/contacts/": os.path.join(root, "contacts") + "/",
        "~/.local/share/kith/calendar/": os.path.join(root, "calendar") + "/",
        "https://dav.example.org/user/": url + "/user/",
        'password.fetch = ["command", "pass", "dav.example.org"]': 'password = "secret"',
    }
    for old, new in replacements.items():
        assert old in block, f"docs/sync.md's configuration no longer says {old}"
        block = block.replace(old, new)
    return block


def uid_of(text):
    match = re.search(r"^UID:(.*?)\r?$", text, re.M)
    return match.group(1) if match else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kith", required=True)
    parser.add_argument("--source", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    args = parser.parse_args()
    missing = subprocess.run(["/usr/bin/python3", "-c", "import radicale"],
                             capture_output=True).returncode != 0 or not shutil.which("vdirsyncer")
    if missing:
        print("skipped: Debian's radicale and vdirsyncer are not installed "
              "(scripts/install-deps radicale vdirsyncer; scripts/check does)")
        return 77  # ctest's SKIP_RETURN_CODE

    root = tempfile.mkdtemp(prefix="kith-carddav-")
    server = None
    try:
        env = {"PATH": "/usr/bin:/bin", "HOME": root, "LC_ALL": "C.UTF-8",
               "XDG_CONFIG_HOME": os.path.join(root, "config"),
               "XDG_DATA_HOME": os.path.join(root, "data"),
               "XDG_CACHE_HOME": os.path.join(root, "cache")}
        server = Server(root)
        contacts, calendar = os.path.join(root, "contacts"), os.path.join(root, "calendar")
        kith = [args.kith, "--db", os.path.join(root, "kith.db"), "--today", TODAY]

        # The collections: vdirsyncer cannot create them on Radicale.
        status, _ = server.request("MKCOL", "/user/contacts/", (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<D:mkcol xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>'
            '<D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype>'
            '<D:displayname>kith</D:displayname></D:prop></D:set></D:mkcol>'),
            {"Content-Type": "application/xml"})
        check(status == 201, f"an address book is made with an extended MKCOL ({status})")
        status, _ = server.request("MKCALENDAR", "/user/calendar/", (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set>'
            '<D:prop><D:displayname>kith</D:displayname></D:prop></D:set></C:mkcalendar>'),
            {"Content-Type": "application/xml"})
        check(status == 201, f"a calendar is made with MKCALENDAR ({status})")

        conf = os.path.join(root, "vdirsyncer.conf")
        with open(conf, "w") as f:
            f.write(vdirsyncer_config(args.source, root, server.url))
        vdirsyncer = ["vdirsyncer", "-c", conf]

        # kith's side: three people, then the first round.
        run(kith + ["add", "Ada Lovelace", "--type", "mentor", "--type", "sponsor", "--circle",
                    "2", "--learn", "Notation, proofs", "--birthday", "1990-12-10",
                    "--email", "ada@example.org"], env)
        run(kith + ["add", "Grace Hopper", "--type", "peer", "--org", "Navy"], env)
        run(kith + ["add", "Alan Turing", "--type", "peer"], env)
        run(kith + ["sync", "--contacts", contacts], env)
        run(kith + ["sync", "--calendar", calendar], env)
        run(vdirsyncer + ["discover"], env, stdin="y\n" * 20)
        run(vdirsyncer + ["sync"], env)

        cards = server.items("/user/contacts/")
        check(len(cards) == 3, f"the server has kith's 3 cards ({len(cards)})")
        ada = next((t for t in cards.values() if "FN:Ada Lovelace" in t), "")
        check("X-KITH-TYPE:mentor" in ada and "X-KITH-TYPE:sponsor" in ada,
              "Ada's two types are on the server, one property each")
        events = server.items("/user/calendar/")
        check(any("-birthday@kith" in t for t in events.values()),
              f"kith's calendar is on the server ({len(events)} events)")

        # The phone: a new card with its own UID, an edit of Grace, Alan deleted.
        status, _ = server.request("PUT", "/user/contacts/phone-linus.vcf", (
            "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + PHONE_UID + "\r\n"
            "FN:Linus Pauling\r\nN:Pauling;Linus;;;\r\nEMAIL:linus@example.org\r\n"
            "REV:20990101T000000Z\r\nEND:VCARD\r\n"),
            {"Content-Type": "text/vcard", "If-None-Match": "*"})
        check(status == 201, f"the phone adds a card ({status})")
        grace_href, grace = next((h, t) for h, t in cards.items() if "FN:Grace Hopper" in t)
        edited = re.sub(r"ORG:Navy", "ORG:Harvard Computation Lab", grace)
        edited = re.sub(r"REV:[^\r\n]*", "REV:20990101T000000Z", edited)
        status, _ = server.request("PUT", grace_href, edited, {"Content-Type": "text/vcard"})
        check(status in (201, 204), f"the phone edits Grace ({status})")
        alan_href = next(h for h, t in cards.items() if "FN:Alan Turing" in t)
        status, _ = server.request("DELETE", alan_href)
        check(status in (200, 204), f"the phone deletes Alan ({status})")

        # The round the cron line runs.
        run(vdirsyncer + ["sync"], env)
        report = json.loads(run(kith + ["--json", "sync", "--contacts", contacts], env))
        check(report["added"] == 1 and report["changed"] == 1 and report["archived"] == 1,
              f"kith took in one new card, one edit, one deletion ({report})")
        run(vdirsyncer + ["sync"], env)
        # And once more: a quiet round changes nothing on either side.
        quiet = json.loads(run(kith + ["--json", "sync", "--contacts", contacts], env))
        check(quiet["written"] == 0 and quiet["added"] == 0 and quiet["archived"] == 0,
              f"a second round has nothing to do ({quiet})")
        run(vdirsyncer + ["sync"], env)

        # kith's side.
        linus = json.loads(run(kith + ["--json", "show", "linus"], env))
        check([e["id"] for e in linus["external_ids"]] == [PHONE_UID],
              "the phone's contact is in kith with its UID as written")
        grace_now = json.loads(run(kith + ["--json", "show", "grace"], env))
        check(grace_now["org"] == "Harvard Computation Lab", "the phone's edit is in kith")
        check(grace_now["types"] == ["peer"], "Grace's type survived the phone's edit")
        archived = run(kith + ["list", "--archived"], env)
        check("Alan Turing" in archived, "the contact deleted on the phone is archived in kith")
        ada_now = json.loads(run(kith + ["--json", "show", "ada"], env))
        check(ada_now["types"] == ["mentor", "sponsor"], "Ada's types survived the round trip")

        # The server's side.
        cards = server.items("/user/contacts/")
        uids = [uid_of(t) for t in cards.values()]
        check(uids.count(PHONE_UID) == 1, "the phone's card is on the server once, UID unchanged")
        check(not any(u and u.lower().endswith(PHONE_UID.lower()) and u != PHONE_UID
                      for u in uids), "no second card with the phone's UID in another spelling")
        check(not any("FN:Alan Turing" in t for t in cards.values()),
              "the deleted card was not uploaded again")
        check(len(cards) == 3, f"the server holds Ada, Grace and Linus ({len(cards)} cards)")
        grace = next((t for t in cards.values() if "FN:Grace Hopper" in t), "")
        check("ORG:Harvard Computation Lab" in grace and "X-KITH-TYPE:peer" in grace,
              "Grace's card on the server has the edit and her type")
    finally:
        if server:
            server.stop()
            if failures:
                print("radicale's log:\n" + server.output())
        shutil.rmtree(root, ignore_errors=True)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
