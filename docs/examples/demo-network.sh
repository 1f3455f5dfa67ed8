#!/usr/bin/env bash
# Builds kith's demo network: about thirty people around a senior engineer, and a year of
# interactions with them. Used by scripts/try, and a readable example of the command line.
#
#   docs/examples/demo-network.sh DB [TODAY]
#
# DB must not exist yet. TODAY (default: the real today) anchors every date, so the demo
# always looks current. The kith binary is $KITH, else `kith` on PATH.
set -euo pipefail

db=${1:?usage: demo-network.sh DB [TODAY]}
today=${2:-$(date +%F)}
kith=${KITH:-kith}
[ -e "$db" ] && { echo "demo-network.sh: $db exists; remove it or pick another path" >&2; exit 1; }

ago() { date -d "$today - $1 days" +%F; }
ahead() { date -d "$today + $1 days" +%F; }

# add DAYS_AGO NAME OPTIONS...: a contact added DAYS_AGO days before today.
add() {
  local days=$1
  shift
  "$kith" --db "$db" --today "$(ago "$days")" add "$@" >/dev/null
}

# log DAYS_AGO WHO... SUMMARY [OPTIONS...]: an interaction DAYS_AGO days before today.
log() {
  local days=$1
  shift
  "$kith" --db "$db" --today "$today" log "$@" --on "$(ago "$days")" >/dev/null
}

# --- Circle 1: your team, and those who feed or consume its work -------------------------
add 400 "Maya Chen" --type manager --circle 1 --org Northwind --title "Director of Engineering" \
  --email maya.chen@example.com --birthday 1981-04-17 \
  --learn "how she negotiates headcount" --offer "early warning on platform risks" \
  --note "Prefers written updates before 1:1s"
add 380 "Tomás Herrera" --type report --circle 1 --org Northwind --title "Software Engineer" \
  --email tomas.h@example.com --tag infra --birthday 1994-09-02 \
  --learn "what the on-call rotation really costs" --offer "sponsorship for the staff track"
add 380 "Priya Raman" --type report --circle 1 --org Northwind --title "Senior Engineer" \
  --email priya.r@example.com --tag ml --learn "the feature-store design" \
  --offer "a conference talk slot"
add 370 "Søren Kierkegaard" --type report --circle 1 --org Northwind --title "SRE" \
  --email soren.k@example.com --tag infra --birthday 12-05
add 360 "Amara Okafor" --type peer --type customer --circle 1 --org Northwind \
  --title "Product Manager" --email amara.o@example.com \
  --learn "how customers talk about us" --offer "faster answers on API limits"
add 350 "Lukas Becker" --type customer --circle 1 --org Northwind --title "Data Platform Lead" \
  --email lukas.b@example.com --tag ml --learn "which of our APIs hurt" \
  --offer "a preview of the new ingestion path"
add 340 "山田 太郎" --type peer --circle 1 --org Northwind --title "Staff Engineer, Tokyo" \
  --email taro.yamada@example.com --tag infra --birthday 1986-02-11 \
  --learn "how Tokyo runs incident reviews" --offer "review of his design doc"
add 300 "Zoë Martin" --type report --circle 1 --org Northwind --title "Engineer (new grad)" \
  --email zoe.m@example.com --met-via "Priya Raman" --learn "what confuses new people" \
  --offer "pairing on her first launch"

# --- Circle 2: the wider organisation and field -------------------------------------------
add 400 "José Núñez" --type mentor --type sponsor --circle 2 --org Northwind --title "VP Engineering" \
  --email jose.nunez@example.com --phone "+1 555 0100" --birthday 1972-03-14 --tag exec \
  --learn "how to run a board-level review" --offer "data on what the platform saved"
add 390 "Ingrid Dvořák" --type sponsor --circle 2 --org Northwind --title "CTO" \
  --email ingrid.d@example.com --tag exec --learn "where the company bets next year" \
  --offer "a crisp story of the migration"
add 380 "François Dubois" --type peer --circle 2 --org Northwind --title "Engineering Manager, Payments" \
  --email francois.d@example.com --tag hiring --learn "his interview loop" \
  --offer "our on-call playbook"
add 365 "Łucja Nowak" --type peer --circle 2 --org Northwind --title "Security Lead" \
  --email lucja.n@example.com --tag infra --birthday 1988-07-30 \
  --learn "threat modelling shortcuts" --offer "help with the audit evidence"
add 350 "Kwame Mensah" --type customer --circle 2 --org Northwind --title "Head of Analytics" \
  --email kwame.m@example.com --tag ml --learn "what the dashboards are for" \
  --offer "a query-cost review"
add 340 "Elena Petrova" --type mentor --circle 2 --org "Open Source Foundation" \
  --title "Maintainer" --email elena@example.org --tag conference --every 2m \
  --learn "how she keeps a project healthy" --offer "reviews on her storage RFC"
add 330 "Rafael Souza" --type peer --circle 2 --org Northwind --title "Staff Engineer, Search" \
  --email rafael.s@example.com --tag infra
add 320 "Hannah Schmidt" --type mentor --circle 2 --org Northwind \
  --title "Former manager, now Director" --email hannah.s@example.com --birthday 11-29 \
  --learn "how to grow from manager to director" --offer "a reference for her new team"
add 300 "Aisha Rahman" --type peer --circle 2 --org "Riverbank Labs" --title "Principal Engineer" \
  --email aisha@example.org --tag conference --met-via "Elena Petrova" \
  --learn "their approach to schema migrations" --offer "an intro to our SRE team"
add 280 "Daniel Kim" --type customer --circle 2 --org Northwind --title "Support Lead" \
  --email daniel.kim@example.com --learn "the top ticket themes"
add 250 "Olivia Brown" --type sponsor --circle 2 --org Northwind --title "VP Product" \
  --email olivia.b@example.com --tag exec --learn "how product sees platform work" \
  --offer "a joint roadmap review"
add 200 "Mateo García" --type peer --circle 2 --org Northwind --title "Engineering Manager, Mobile" \
  --email mateo.g@example.com --tag hiring --met-via "François Dubois"

# --- Circle 3: further out -----------------------------------------------------------------
add 400 "Grace Okonkwo" --type mentor --circle 3 --org "Independent" --title "Advisor" \
  --email grace.o@example.org --phone "+44 20 5550 0142" --birthday 1965-10-08 \
  --learn "how to choose the next role" --offer "updates on what I shipped"
add 390 "Noah Williams" --type peer --circle 3 --org "Former colleague" --title "Founder" \
  --email noah@example.org --tag alumni --learn "what building a startup taught him" \
  --offer "introductions to infra engineers"
add 370 "Chiara Rossi" --type peer --circle 3 --org "Globex" --title "Engineering Director" \
  --email chiara.r@example.org --tag alumni --tag hiring
add 350 "Sipho Dlamini" --type customer --circle 3 --org "Initech" --title "CTO" \
  --email sipho@example.org --learn "why they chose us" --offer "a roadmap preview"
add 330 "Emily Johnson" --type peer --circle 3 --org "University" --title "Professor" \
  --email emily.j@example.org --tag ml --met-via "Noah Williams"
add 300 "Arjun Patel" --type sponsor --circle 3 --org "Globex" --title "SVP Engineering" \
  --email arjun.p@example.org --tag exec --met-via "Chiara Rossi" \
  --learn "what Globex looks for in a staff engineer" --offer "a talk for his team"
add 280 "Fatima Zahra" --type mentor --circle 3 --org "Women in Infra" --title "Community Lead" \
  --email fatima@example.org --tag conference --every 3m
add 260 "Liam O'Connor" --type peer --circle 3 --org "Conference committee" --title "Organiser" \
  --email liam@example.org --tag conference
add 90 "Yuki Tanaka" --type peer --circle 3 --org "Meetup" --title "Engineer" \
  --email yuki.t@example.org --tag conference --met-via "Liam O'Connor" \
  --learn "how they test on real devices"
add 40 "Ben Carter" --type customer --circle 3 --org "Acme Retail" --title "Platform Lead" \
  --email ben.c@example.org --learn "what blocked their rollout"

# --- A year of interactions ----------------------------------------------------------------
# Your manager and your reports: often.
for d in 350 322 294 266 238 210 182 154 126 98 70 42 14; do
  log "$d" "Maya Chen" "1:1: priorities, staffing, what to escalate" --via meeting
done
log 300 "Maya Chen" "Asked her to back the platform migration; she agreed" --via meeting --received --weight 3
log 120 "Maya Chen" "Gave her the incident summary ahead of her exec review" --via email --gave --weight 2
for d in 340 312 284 256 228 200 172 144 116 88 60 32 9; do
  log "$d" "Tomás Herrera" "1:1: growth plan and on-call load" --via video
done
log 150 "Tomás Herrera" "Reviewed his promotion packet line by line" --via meeting --gave --weight 3
for d in 338 310 282 254 226 198 170 142 114 86 58 30; do
  log "$d" "Priya Raman" "1:1: feature store, mentoring, career" --via meeting
done
log 200 "Priya Raman" "Got her a talk slot at the internal ML summit" --via message --gave --weight 3
for d in 330 290 250 210 170 130 90 50; do
  log "$d" "Søren Kierkegaard" "1:1: reliability work and time off" --via video
done
for d in 280 252 224 196 168 140 112 84 56 28 7; do
  log "$d" "Zoë Martin" "1:1: onboarding, first project" --via meeting
done
log 100 "Zoë Martin" "Paired on her first launch checklist" --via meeting --gave --weight 2

# Peers and customers close by.
for d in 330 270 210 150 95 40; do
  log "$d" "Amara Okafor" "Roadmap sync: customer asks versus platform debt" --via meeting
done
log 180 "Amara Okafor" "She shared the customer interview notes" --via email --received --weight 2
log 300 "Lukas Becker" "Ingestion API pain points" --via call
log 220 "Lukas Becker" "Showed the new ingestion path; he wants early access" --via video --gave --weight 2
log 140 "Lukas Becker" "Quarterly check-in on API limits" --via meeting
log 60 "Lukas Becker" "He flagged a regression in batch imports" --via message --received
log 310 "山田 太郎" "Cross-site incident review practices" --via video
log 190 "山田 太郎" "Reviewed his design doc for the cache tier" --via email --gave --weight 2
log 45 "山田 太郎" "Coffee during his visit; talked about the Tokyo team" --via coffee

# Mentors and sponsors: monthly-ish, some slipping.
for d in 380 330 290 240 200 160 115 75; do
  log "$d" "José Núñez" "Mentoring session: strategy, visibility, hard conversations" --via coffee
done
log 250 "José Núñez" "He introduced me to the CFO's team for the cost review" --via email --received --weight 4
log 150 "José Núñez" "Sent him the numbers on what the platform saved" --via email --gave --weight 2
log 350 "Ingrid Dvořák" "Skip-level: where the company is heading" --via meeting
log 230 "Ingrid Dvořák" "She sponsored the migration in the staff meeting" --via meeting --received --weight 4
log 130 "Ingrid Dvořák" "Gave her a one-page story of the migration for the board" --via email --gave --weight 3
for d in 320 260 200 140 80; do
  log "$d" "Elena Petrova" "Call about open-source maintenance and her RFC" --via video
done
log 110 "Elena Petrova" "Reviewed her storage RFC in depth" --via email --gave --weight 3
log 300 "Hannah Schmidt" "Lunch: from manager to director" --via meal
log 210 "Hannah Schmidt" "She coached me through the reorg conversation" --via call --received --weight 3
log 120 "Hannah Schmidt" "Wrote a reference for her new team" --via email --gave --weight 2
log 340 "Olivia Brown" "Intro meeting on platform and product" --via meeting
log 190 "Olivia Brown" "Joint roadmap review" --via meeting --gave --weight 2
log 380 "Grace Okonkwo" "Video call: choosing the next role" --via video
log 260 "Grace Okonkwo" "She connected me with two staff engineers elsewhere" --via email --received --weight 4
log 140 "Grace Okonkwo" "Long walk; what to do about the director offer" --via social --received --weight 3
log 270 "Fatima Zahra" "Women in Infra panel prep" --via video
log 180 "Fatima Zahra" "Spoke on her panel" --via event --gave --weight 2
log 250 "Arjun Patel" "Met at the Globex offsite; he asked about our migration" --via event
log 100 "Arjun Patel" "Gave a talk for his team" --via video --gave --weight 3

# The wider field.
for d in 350 280 210 140 70 20; do
  log "$d" "François Dubois" "Hiring sync: interview loops and calibration" --via meeting
done
log 240 "François Dubois" "He lent two interviewers for our loop" --via message --received --weight 2
log 320 "Łucja Nowak" "Threat-model review for the new service" --via meeting --received --weight 2
log 160 "Łucja Nowak" "Helped gather audit evidence" --via meeting --gave --weight 2
log 290 "Kwame Mensah" "What the analytics team needs from the platform" --via meeting
log 170 "Kwame Mensah" "Query-cost review of the top dashboards" --via video --gave --weight 3
log 30 "Kwame Mensah" "Quick sync on the warehouse cut-over" --via message
log 300 "Rafael Souza" "Search indexing lessons" --via coffee
log 100 "Rafael Souza" "He reviewed our capacity plan" --via email --received --weight 2
log 270 "Aisha Rahman" "Conference hallway chat about schema migrations" --via event
log 90 "Aisha Rahman" "She sent their migration checklist" --via email --received --weight 2
log 250 "Daniel Kim" "Top support ticket themes" --via meeting
log 65 "Daniel Kim" "Walked through the new error messages" --via meeting --gave
log 190 "Mateo García" "Coffee: mobile release trains" --via coffee
log 350 "Noah Williams" "Catch-up on his startup" --via call
log 200 "Noah Williams" "He asked for intros to infra engineers; sent two" --via email --gave --weight 3
log 320 "Chiara Rossi" "Alumni dinner" --via meal
log 330 "Sipho Dlamini" "Why Initech chose us" --via video --received
log 170 "Sipho Dlamini" "Roadmap preview for Initech" --via video --gave --weight 2
log 300 "Emily Johnson" "Guest lecture planning" --via email
log 240 "Emily Johnson" "Gave the guest lecture on data platforms" --via event --gave --weight 2
log 200 "Liam O'Connor" "Talk submission feedback" --via email --received --weight 2
log 80 "Liam O'Connor" "Volunteered on the programme committee" --via meeting --gave --weight 2
log 60 "Yuki Tanaka" "Meetup talk on device testing" --via event

# Group interactions.
log 25 "Tomás Herrera" "Priya Raman" "Søren Kierkegaard" "Team retro after the outage" --via meeting
log 12 "José Núñez" "Maya Chen" "Quarterly planning review" --via meeting --received --weight 2
log 5 "Amara Okafor" "Lukas Becker" "Kickoff for the ingestion beta" --via meeting --gave --weight 2

# Follow-ups still ahead.
"$kith" --db "$db" --today "$today" log "Lukas Becker" "Beta access request" --via email \
  --next "$(ahead 4)" "Send Lukas the beta access steps" >/dev/null
"$kith" --db "$db" --today "$today" log "Zoë Martin" "Launch retro" --via meeting \
  --on "$(ago 2)" --next "$(ahead 10)" "Check Zoë's follow-up doc" >/dev/null
"$kith" --db "$db" --today "$today" log "Elena Petrova" "She asked about a keynote" --via email \
  --on "$(ago 20)" --received --next "$(ahead 6)" "Answer Elena about the keynote" >/dev/null
