#!/usr/bin/env bash
# Builds kith's demo network: the professional circle of a senior engineer and team lead
# ("you"), about thirty people and a year of interactions with them. scripts/try runs it to
# create a demo database; it is also a readable tour of the command line.
#
#   docs/examples/demo-network.sh DB [TODAY]
#
# DB is the database to create; it must not exist yet (nothing is ever removed). TODAY
# (YYYY-MM-DD, default the real today) anchors every date, so the demo always looks current
# and the same TODAY always gives the same database. The kith binary is $KITH, else `kith`.
#
# What to expect in the result, as of TODAY:
#   - your manager and your reports are seen every week or two; mentors about monthly;
#   - about a dozen people are overdue (a report, two sponsors, two mentors, peers further
#     out), two of them added but never contacted since (Yuki Tanaka, Ben Carter);
#   - the people you mostly received from show a negative give/receive balance (Grace
#     Okonkwo, Aisha Rahman, Hannah Schmidt, José Núñez, Rachel Goldberg);
#   - four follow-ups are open, due in the coming two weeks;
#   - one career goal (mentors linked, no sponsor yet), two people you want to meet (Kenji
#     Mori at Kumo Systems, Dana Whitfield at Globex) and who knows whom on the way to them.
set -euo pipefail

usage="usage: $(basename "$0") DB [TODAY]"
if [[ $# -lt 1 || $# -gt 2 || -z $1 ]]; then
  echo "$usage" >&2
  exit 2
fi
DB=$1
TODAY=${2:-$(date +%F)}
KITH=${KITH:-kith}

if [[ ! $TODAY =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] ||
  [[ $(date -d "$TODAY" +%F 2>/dev/null) != "$TODAY" ]]; then
  echo "demo-network.sh: invalid TODAY '$TODAY': expected YYYY-MM-DD" >&2
  exit 2
fi
if [[ -e $DB ]]; then
  echo "demo-network.sh: $DB already exists; the demo only creates new databases" >&2
  exit 2
fi
if ! command -v "$KITH" >/dev/null; then
  echo "demo-network.sh: kith binary '$KITH' not found; build it or set KITH" >&2
  exit 2
fi

# --- Helpers ---------------------------------------------------------------------------------

# ago N / ahead N: the date N days before / after TODAY.
ago() { date -d "$TODAY - $1 days" +%F; }
ahead() { date -d "$TODAY + $1 days" +%F; }

# kith ARGS...: the real binary on the demo database. Its output is dropped (this script
# prints one summary line at the end); errors stop the script and say which line failed.
kith() {
  command "$KITH" --db "$DB" "$@" >/dev/null || {
    local rc=$?
    echo "demo-network.sh: line ${BASH_LINENO[${#BASH_LINENO[@]} - 2]}: kith failed" \
      "(exit $rc): kith --db $DB $*" >&2
    exit "$rc"
  }
}

# at_ago N COMMAND ARGS...: run COMMAND as if today were N days ago, e.g.
#   at_ago 365 kith add "Ada Lovelace" --type mentor   (added a year ago)
at_ago() {
  local days=$1 cmd=$2
  shift 2
  "$cmd" --today "$(ago "$days")" "$@"
}

# add N NAME OPTIONS...: `kith add`, as of N days ago.
people=0
add() {
  local days=$1
  shift
  at_ago "$days" kith add "$@"
  people=$((people + 1))
}

# log N WHO... SUMMARY OPTIONS...: `kith log ... --on <N days ago>`, with today pinned to
# TODAY so that relative dates (--next 2w) give the same database on every run.
logs=0
log() {
  local days=$1
  shift
  kith --today "$TODAY" log "$@" --on "$(ago "$days")"
  logs=$((logs + 1))
}

# --- People ----------------------------------------------------------------------------------
# The number before each name is how many days ago you added them.

# Circle 1: your own team, and the people who feed or consume its work.
add 380 "Adaeze Okafor" --type manager --type sponsor --circle 1 \
  --org "Northwind Labs" --title "Director of Engineering, Data Platform" \
  --email adaeze.okafor@example.com --phone "+1 555-0101" --birthday 1983-04-17 \
  --learn "How she builds the case for headcount" \
  --offer "Early warning on platform risks, in writing" \
  --note "Prefers a written update before each 1:1"
add 375 "Tomás Herrera" --type report --circle 1 --tag infra \
  --org "Northwind Labs" --title "Software Engineer II" \
  --email tomas.herrera@example.com --birthday 1994-09-02 \
  --learn "What on-call really costs the team" --offer "Sponsorship toward senior"
add 375 "Priya Raman" --type report --circle 1 --tag ml \
  --org "Northwind Labs" --title "Senior Software Engineer" \
  --email priya.raman@example.com --birthday 1991-06-21 \
  --learn "The feature-store internals" --offer "Conference talk slots and a staff-track plan" \
  --note "Owns the feature store"
add 370 "Łukasz Wiśniewski" --type report --circle 1 --tag infra \
  --org "Northwind Labs" --title "Site Reliability Engineer" \
  --email lukasz.wisniewski@example.com --birthday 12-05 \
  --learn "Chaos drills and disaster recovery" --offer "Scope: owning the DR programme"
add 200 "Zoë Laurent" --type report --circle 1 --met-via "Priya Raman" \
  --org "Northwind Labs" --title "Software Engineer (new grad)" \
  --email zoe.laurent@example.com --birthday 2001-12-19 \
  --learn "What confuses people who are new here" --offer "Pairing and a first launch" \
  --note "Priya interviewed her and championed the offer"
add 360 "Amara Nwosu" --type peer --type customer --circle 1 \
  --org "Northwind Labs" --title "Senior Product Manager, Platform" \
  --email amara.nwosu@example.com \
  --learn "How customers describe their problems" --offer "Straight answers on API limits"
add 340 "Søren Lindqvist" --type customer --circle 1 --tag ml \
  --org "Northwind Labs" --title "Data Platform Lead, Copenhagen" \
  --email soren.lindqvist@example.com \
  --learn "Which of our APIs hurt" --offer "Early access to the new ingestion path" \
  --note "His team is our biggest internal consumer"
add 340 "山田 太郎" --type peer --circle 1 --tag infra \
  --org "Northwind Labs" --title "Staff Engineer, Tokyo" \
  --email taro.yamada@example.com --birthday 1986-02-11 \
  --learn "How Tokyo runs incident reviews" --offer "Design reviews across time zones" \
  --note "Goes by Taro; visits twice a year"
add 300 "Dmitri Volkov" --type peer --circle 1 --tag infra \
  --org "Northwind Labs" --title "Engineering Manager, Compute" \
  --email dmitri.volkov@example.com \
  --learn "The Kubernetes platform roadmap" --offer "Our capacity forecasts, early" \
  --note "His team runs the clusters we deploy to"

# Circle 2: the wider organisation and your field.
add 390 "José Núñez" --type mentor --type sponsor --circle 2 --tag exec \
  --org "Northwind Labs" --title "VP Engineering" \
  --email jose.nunez@example.com --phone "+1 555-0112" --birthday 1972-03-14 \
  --learn "How to lead without authority" --offer "Data on what the platform saves" \
  --note "Monthly mentoring; ask before sharing his notes"
add 385 "Ondřej Dvořák" --type sponsor --circle 2 --tag exec \
  --org "Northwind Labs" --title "CTO" --email ondrej.dvorak@example.com \
  --learn "Where the company bets next year" --offer "A crisp story of the migration"
add 370 "François Dubois" --type peer --circle 2 --tag hiring \
  --org "Northwind Labs" --title "Engineering Manager, Payments" \
  --email francois.dubois@example.com \
  --learn "His interview loop" --offer "Our on-call playbook"
add 360 "Hannah Schmidt" --type mentor --circle 2 \
  --org "Northwind Labs" --title "Director of Engineering, Identity" \
  --email hannah.schmidt@example.com --birthday 11-29 \
  --learn "How to grow from lead to director" --offer "Strong candidates for her team" \
  --note "My manager two reorgs ago"
add 350 "Kwame Mensah" --type customer --type peer --circle 2 --tag ml \
  --org "Northwind Labs" --title "Head of Analytics" \
  --email kwame.mensah@example.com --birthday 1980-01-25 \
  --learn "What the dashboards are really for" --offer "A query-cost review"
add 340 "Elena Petrova" --type mentor --circle 2 --every 2m --tag conference \
  --org "Open Storage Foundation" --title "Core Maintainer" \
  --email elena.petrova@example.org --birthday 1979-08-08 \
  --learn "How she keeps a project healthy for a decade" --offer "Reviews and patches"
add 200 "Aisha Rahman" --type peer --circle 2 --tag conference --met-via "Elena Petrova" \
  --org "Riverbank Labs" --title "Principal Engineer" --email aisha.rahman@example.org \
  --learn "Online schema migrations at scale" --offer "An intro to our SRE team"
add 300 "이수진" --type peer --circle 2 --tag ml \
  --org "Northwind Labs" --title "ML Platform Lead, Seoul" \
  --email sujin.lee@example.com --birthday 1989-10-03 \
  --learn "GPU scheduling" --offer "Our capacity-planning template" \
  --note "Lee Su-jin; best reached in her morning, our evening"
add 250 "Meera Iyer" --type sponsor --type customer --circle 2 --tag exec \
  --org "Northwind Labs" --title "VP Product" --email meera.iyer@example.com \
  --learn "How product sees platform work" --offer "A joint roadmap review each quarter"
add 200 "Mateo García" --type peer --circle 2 --tag hiring --met-via "François Dubois" \
  --org "Northwind Labs" --title "Engineering Manager, Mobile" \
  --email mateo.garcia@example.com \
  --learn "Mobile release trains" --offer "Our design-review charter"
add 280 "Siobhán Kelly" --type customer --circle 2 \
  --org "Northwind Labs" --title "Support Lead" \
  --email siobhan.kelly@example.com --birthday 1990-03-17 \
  --learn "The top ticket themes" --offer "Better error messages"

# Circle 3: further out.
add 380 "Grace Okonkwo" --type mentor --circle 3 --every 3m \
  --org "Independent" --title "Engineering Leadership Coach" \
  --email grace.okonkwo@example.org --phone "+44 20 5550 0142" --birthday 1965-10-08 \
  --learn "How to choose the next role" --offer "Honest updates on what I shipped" \
  --note "Generous with her time; I owe her more than updates"
add 395 "Noah Williams" --type peer --circle 3 --every 3m --tag alumni \
  --org "Tidewater" --title "Co-founder and CTO" \
  --email noah@example.org --phone "+1 555-0147" --birthday 1987-05-30 \
  --learn "What building a startup taught him" --offer "Introductions to infra engineers" \
  --note "We shared an office at our first job"
add 370 "Chiara Rossi" --type peer --circle 3 --tag alumni --tag hiring \
  --org "Globex" --title "Engineering Director" \
  --email chiara.rossi@example.org --birthday 1982-07-12 \
  --learn "How Globex hires senior engineers" --offer "Referrals from my network"
add 120 "Arjun Patel" --type sponsor --circle 3 --tag exec --met-via "Chiara Rossi" \
  --org "Globex" --title "SVP Engineering" --email arjun.patel@example.org \
  --learn "What Globex looks for in a staff engineer" --offer "Talks for his teams"
add 350 "Sipho Dlamini" --type customer --circle 3 \
  --org "Initech" --title "CTO" \
  --email sipho.dlamini@example.org --phone "+27 21 555 0163" --birthday 1978-11-26 \
  --learn "Why Initech chose us, and what nearly stopped them" \
  --offer "Roadmap previews and a direct line for escalations" \
  --note "Our largest external customer on the data platform"
add 330 "Leila Haddad" --type peer --circle 3 --tag ml --met-via "Noah Williams" \
  --org "Lakeside University" --title "Associate Professor, Computer Science" \
  --email leila.haddad@example.org \
  --learn "Where data-systems research is heading" --offer "Guest lectures, internships"
add 290 "Fatima Al-Sayed" --type mentor --circle 3 --every 3m --tag conference \
  --org "Women in Infrastructure" --title "Community Lead" \
  --email fatima@example.org \
  --learn "How to build a community" --offer "Speaking and mentoring at her events"
add 260 "Liam O'Connor" --type peer --circle 3 --every 6m --tag conference \
  --org "InfraConf" --title "Programme Chair" --email liam.oconnor@example.org \
  --learn "What makes a talk get accepted" --offer "Reviewing proposals"
add 90 "Yuki Tanaka" --type peer --circle 3 --tag conference --met-via "Liam O'Connor" \
  --org "Kumo Systems" --title "Software Engineer" --email yuki.tanaka@example.org \
  --learn "How they test on real devices" --note "Met at InfraConf; promised to get in touch"
add 40 "Ben Carter" --type customer --circle 3 --met-via "Sipho Dlamini" \
  --org "Acme Retail" --title "Platform Lead" --email ben.carter@example.org \
  --phone "+1 555-0188" \
  --learn "What blocked their rollout" --offer "A walkthrough of the ingestion beta"
add 30 "Nguyễn Thị Lan" --type peer --circle 3 --tag conference --met-via "Aisha Rahman" \
  --org "Saigon Pay" --title "Staff Engineer" --email lan.nguyen@example.org \
  --learn "Backpressure in payment queues" --offer "Our load-shedding design"
add 150 "Rachel Goldberg" --circle 3 --tag hiring \
  --org "Harbor Talent" --title "Technical Recruiter" --email rachel@example.org \
  --note "No type on purpose: a useful contact, but never due"

# --- A year of interactions --------------------------------------------------------------
# The number before the names is how many days ago it happened.

# Your manager: every two or three weeks.
log 362 "Adaeze Okafor" "First 1:1 since the reorg; agreed on a written update every Friday" \
  --via meeting
log 341 "Adaeze Okafor" "Walked through the Q1 roadmap; she wants the migration de-risked first" \
  --via meeting
log 320 "Adaeze Okafor" "She pushed back on the on-call headcount ask and wants incident data" \
  --via video
log 299 "Adaeze Okafor" "Brought six months of incident data; she took the headcount case upward" \
  --via meeting --gave --weight 2
log 278 "Adaeze Okafor" "Growth talk: she suggested I run the cross-team design review" \
  --via meeting --received --weight 2
log 257 "Adaeze Okafor" "Quarterly planning prep; cut the roadmap down to three bets" --via meeting
log 236 "Adaeze Okafor" "1:1 over lunch: team morale after the storage outage" --via meal
log 215 "Adaeze Okafor" "She flagged the hiring freeze; we reshuffled two projects" --via video
log 194 "Adaeze Okafor" "Sent the design-review charter; she came back with sharp comments" \
  --via email --received
log 173 "Adaeze Okafor" "Mid-year reviews: calibrated the team's ratings together" --via meeting
log 152 "Adaeze Okafor" "Walked through the Q3 roadmap; she flagged the budget review" \
  --via meeting
log 131 "Adaeze Okafor" "She nominated me for the staff-engineer panel" \
  --via meeting --received --weight 3
log 110 "Adaeze Okafor" "Gave her the migration post-mortem summary ahead of her exec review" \
  --via email --gave --weight 2
log 89 "Adaeze Okafor" "1:1: the freeze is lifting, one req opens next quarter" --via video
log 68 "Adaeze Okafor" "Took an escalation from Analytics off her plate" \
  --via call --gave --weight 2
log 47 "Adaeze Okafor" "Drafted the interview loop for the new req; she signed off" \
  --via meeting --gave --weight 2
log 26 "Adaeze Okafor" "Promotion case feedback: she wants more evidence of org-wide impact" \
  --via meeting --received --weight 2
log 3 "Adaeze Okafor" "Walked through the Q1 roadmap draft; she asked for a one-page summary" \
  --via meeting --next "$(ahead 4)" "Send Adaeze the one-page roadmap summary"

# Your reports: weekly to fortnightly 1:1s, plus the moments that mattered.
log 360 "Tomás Herrera" "1:1: settling into the team; wants to shadow on-call" --via meeting
log 332 "Tomás Herrera" "Debriefed his first on-call week; calm under pressure" \
  --via video --gave
log 304 "Tomás Herrera" "1:1: he is curious about the path to senior" --via meeting
log 276 "Tomás Herrera" "Paired on the load-balancer rollback runbook" \
  --via meeting --gave --weight 2
log 248 "Tomás Herrera" "1:1: on-call is eating his focus time; agreed to split the pager" \
  --via meeting
log 220 "Tomás Herrera" "He walked me through the new deploy tooling" --via video --received
log 192 "Tomás Herrera" "Mid-year review: strong on incidents, should write more design docs" \
  --via meeting
log 164 "Tomás Herrera" "Reviewed his promotion packet line by line" --via meeting --gave --weight 3
log 136 "Tomás Herrera" "Coffee after his promotion: what he wants to own next" --via coffee
log 108 "Tomás Herrera" "He led the capacity review; gave him notes on pacing" \
  --via meeting --gave
log 80 "Tomás Herrera" "1:1: wants to mentor the new grad" --via video
log 52 "Tomás Herrera" "1:1: workload after the freeze; moved one project to next quarter" \
  --via meeting
log 8 "Tomás Herrera" "1:1: drafted his goals for next half" --via meeting

log 355 "Priya Raman" "1:1: feature-store design options" --via meeting
log 327 "Priya Raman" "She walked me through the embedding pipeline" --via video --received
log 299 "Priya Raman" "1:1: she wants to speak at a conference" --via meeting
log 271 "Priya Raman" "Reviewed her conference talk abstract" --via email --gave
log 243 "Priya Raman" "1:1: ready to interview and to mentor a new hire" --via meeting
log 215 "Priya Raman" "Got her a talk slot at the internal ML summit" \
  --via message --gave --weight 3
log 187 "Priya Raman" "Mid-year review: the feature store shipped early" --via meeting
log 159 "Priya Raman" "Dry run of her summit talk; tightened the demo" --via video --gave --weight 2
log 131 "Priya Raman" "1:1: feature-store adoption is slower than hoped" --via meeting
log 103 "Priya Raman" "She built the adoption dashboard I used in my exec update" \
  --via email --received --weight 2
log 75 "Priya Raman" "Coffee: planning feature-store v2" --via coffee
log 47 "Priya Raman" "1:1: interview training for the new req" --via meeting
log 10 "Priya Raman" "1:1: v2 design review went well; next is a pilot with Analytics" \
  --via meeting

log 350 "Łukasz Wiśniewski" "1:1: alert fatigue on the storage cluster" --via video
log 315 "Łukasz Wiśniewski" "He proposed cutting 40% of our alerts; approved on the spot" \
  --via meeting
log 280 "Łukasz Wiśniewski" "1:1: SLO review for the ingestion service" --via meeting
log 245 "Łukasz Wiśniewski" "Thanked him in the staff update for ending the paging storm" \
  --via message --gave
log 210 "Łukasz Wiśniewski" "Mid-year review: he asked for a bigger scope" --via meeting
log 175 "Łukasz Wiśniewski" "Shadowed his chaos drill; learned how he scripts failures" \
  --via meeting --received
log 140 "Łukasz Wiśniewski" "1:1: he will own the disaster-recovery test" --via video
log 105 "Łukasz Wiśniewski" "Reviewed the DR test plan" --via email --gave --weight 2
log 70 "Łukasz Wiśniewski" "1:1: the DR test passed; planning the write-up" --via video
log 42 "Łukasz Wiśniewski" "1:1: handover plan for the holiday freeze" --via meeting

log 198 "Zoë Laurent" "First day: laptop set up, walked through the architecture" \
  --via meeting --gave
log 184 "Zoë Laurent" "1:1: first-week impressions; the onboarding docs are out of date" \
  --via meeting --received
log 170 "Zoë Laurent" "Paired on her first code review" --via meeting --gave
log 149 "Zoë Laurent" "1:1: picked her first project, the retry library" --via video
log 128 "Zoë Laurent" "Reviewed her design doc for the retry library" --via email --gave --weight 2
log 114 "Zoë Laurent" "1:1: she wanted the history behind choosing gRPC" --via meeting
log 100 "Zoë Laurent" "Paired on her launch checklist" --via meeting --gave --weight 2
log 79 "Zoë Laurent" "Coffee: the launch went well; what to learn next" --via coffee
log 58 "Zoë Laurent" "She rewrote the onboarding guide from her first-week notes" \
  --via message --received --weight 2
log 44 "Zoë Laurent" "1:1: her first performance conversation" --via meeting
log 30 "Zoë Laurent" "1:1: ready to shadow on-call" --via meeting
log 2 "Zoë Laurent" "Launch retro for the retry library; she will write it up" \
  --via meeting --next 2w "Read Zoë's retro write-up and send comments"

# The people who feed or consume your team's work.
log 340 "Amara Nwosu" "Intro coffee: how product prioritises platform asks" --via coffee
log 300 "Amara Nwosu" "Roadmap sync: customer asks versus platform debt" --via meeting
log 262 "Amara Nwosu" "She shared her customer interview notes" --via email --received --weight 2
log 225 "Amara Nwosu" "Helped her scope the API limits change" --via meeting --gave --weight 2
log 190 "Amara Nwosu" "Roadmap sync: agreed to ship usage quotas first" --via meeting
log 150 "Amara Nwosu" "She brought me into a customer call; learned a lot" \
  --via video --received --weight 2
log 112 "Amara Nwosu" "Roadmap sync for the second half" --via meeting
log 75 "Amara Nwosu" "Answered her questions on rate limits" --via message --gave
log 40 "Amara Nwosu" "Walked through the Q4 roadmap; she flagged two launches at risk" \
  --via meeting

log 330 "Søren Lindqvist" "Ingestion API pain points, in detail" --via call
log 280 "Søren Lindqvist" "Demoed the new ingestion path; he wants early access" \
  --via video --gave --weight 2
log 230 "Søren Lindqvist" "He caught a batch-import regression before customers did" \
  --via message --received --weight 2
log 180 "Søren Lindqvist" "Quarterly check-in on API limits" --via meeting
log 130 "Søren Lindqvist" "Walked him through the schema-evolution plan" --via meeting --gave
log 85 "Søren Lindqvist" "Coffee while he was in town; their warehouse migration" --via coffee
log 50 "Søren Lindqvist" "He asked for a bulk-export endpoint; scoped it together" --via meeting
log 12 "Søren Lindqvist" "Sent him the patch notes for the export fix he reported" \
  --via email --gave

log 320 "山田 太郎" "Compared incident-review practices across sites" --via video
log 250 "山田 太郎" "He reviewed our cache-tier design" --via email --received --weight 2
log 190 "山田 太郎" "Reviewed his design doc for the rate limiter" --via email --gave --weight 2
log 120 "山田 太郎" "Aligned the two teams' release calendars" --via video
log 45 "山田 太郎" "Coffee during his visit; the Tokyo team is hiring" --via coffee

log 290 "Dmitri Volkov" "Intro: his team owns the clusters we run on" --via meeting
log 220 "Dmitri Volkov" "Asked for priority on the node-pool upgrade; he made room" \
  --via message --received --weight 2
log 140 "Dmitri Volkov" "Joint incident review of the DNS outage" --via meeting
log 70 "Dmitri Volkov" "Shared our capacity forecast with his team" --via email --gave --weight 2

# Mentors and sponsors: about monthly when it goes well; some have slipped.
log 364 "José Núñez" "First mentoring session: what he expects from senior engineers" \
  --via coffee
log 335 "José Núñez" "Mentoring: how to say no to a VP without burning the bridge" \
  --via coffee --received --weight 2
log 300 "José Núñez" "He introduced me to the finance team for the cost review" \
  --via email --received --weight 3
log 265 "José Núñez" "Mentoring: visibility without self-promotion" --via coffee
log 230 "José Núñez" "Sent him the numbers on what the platform saved" --via email --gave --weight 2
log 195 "José Núñez" "Lunch: he asked for my read on the platform org after the reorg" \
  --via meal --gave --weight 2
log 160 "José Núñez" "He put my name forward for the architecture council" \
  --via meeting --received --weight 4
log 125 "José Núñez" "Mentoring: running the council's first review" --via coffee
log 90 "José Núñez" "Shared my council notes with his directs" --via email --gave --weight 2
log 55 "José Núñez" "Mentoring: what is still missing from my promotion case" \
  --via coffee --received

log 350 "Ondřej Dvořák" "Skip-level: where the company is heading" --via meeting
log 260 "Ondřej Dvořák" "He sponsored the storage migration at the staff meeting" \
  --via meeting --received --weight 4
log 170 "Ondřej Dvořák" "Wrote him a one-page story of the migration for the board" \
  --via email --gave --weight 3
log 110 "Ondřej Dvořák" "Town-hall Q&A; he asked me to present the platform numbers" --via event
log 50 "Ondřej Dvořák" "Presented platform reliability to his leadership team" \
  --via meeting --gave --weight 2

log 340 "Hannah Schmidt" "Lunch: what changed for her between lead and director" \
  --via meal --received --weight 2
log 250 "Hannah Schmidt" "She coached me through the reorg conversation" \
  --via call --received --weight 3
log 160 "Hannah Schmidt" "Sent her a strong candidate for her open role" --via email --gave
log 60 "Hannah Schmidt" "Coffee: whether to take the manager track" \
  --via coffee --received --weight 2

log 320 "Elena Petrova" "Call about keeping an open-source project healthy" \
  --via video --received --weight 2
log 260 "Elena Petrova" "Reviewed her storage RFC in depth" --via email --gave --weight 3
log 140 "Elena Petrova" "How she delegates maintainer work" --via video --received
log 80 "Elena Petrova" "Sent her a patch for the compaction bug" --via email --gave --weight 3
log 20 "Elena Petrova" "She asked whether I would give a keynote at the storage summit" \
  --via email --received --next "$(ahead 6)" "Answer Elena about the keynote"

log 360 "Grace Okonkwo" "Video call: what to optimise for in the next role" \
  --via video --received --weight 2
log 270 "Grace Okonkwo" "She connected me with two staff engineers elsewhere" \
  --via email --received --weight 4
log 190 "Grace Okonkwo" "Long walk: manager track or staff track" --via other --received --weight 3
log 100 "Grace Okonkwo" "Sent her an update on what I shipped this year" --via email --gave

log 120 "Arjun Patel" "Gave a talk for his teams on platform migrations" \
  --via event --gave --weight 3
log 95 "Arjun Patel" "He offered to be a reference whenever I need one" \
  --via email --received --weight 2

log 280 "Fatima Al-Sayed" "Panel prep for Women in Infrastructure" --via video
log 180 "Fatima Al-Sayed" "Spoke on her panel about on-call culture" --via event --gave --weight 2
log 60 "Fatima Al-Sayed" "She reviewed my conference talk outline" --via video --received --weight 2

# The wider organisation.
log 350 "François Dubois" "Hiring sync: interview loops and calibration" --via meeting
log 280 "François Dubois" "He lent two interviewers for our loop" \
  --via message --received --weight 2
log 210 "François Dubois" "Shared our on-call playbook with his team" --via email --gave --weight 2
log 140 "François Dubois" "Lunch: payments reliability and our shared dependencies" --via meal
log 70 "François Dubois" "Reviewed his team's interview rubric" --via email --gave

log 330 "Kwame Mensah" "What the analytics team needs from the platform" --via meeting
log 260 "Kwame Mensah" "Query-cost review of their top dashboards" --via video --gave --weight 3
log 190 "Kwame Mensah" "He shared their data-quality checks; we adopted two" \
  --via email --received --weight 2
log 120 "Kwame Mensah" "Agreed the warehouse cut-over date" --via meeting
log 60 "Kwame Mensah" "Cut-over retro; he wants nightly freshness alerts" --via meeting
log 20 "Kwame Mensah" "Quick check on the freshness alerts" --via message

log 280 "이수진" "Intro call: ML infrastructure roadmaps side by side" --via video
log 210 "이수진" "She reviewed Priya's feature-store design" --via email --received --weight 2
log 150 "이수진" "Compared GPU scheduling approaches" --via video
log 90 "이수진" "Sent her our capacity-planning template" --via email --gave --weight 2
log 35 "이수진" "Evening call across time zones about the feature-store pilot" --via video

log 240 "Meera Iyer" "Intro meeting on platform and product" --via meeting
log 180 "Meera Iyer" "Joint roadmap review with her product leads" --via meeting --gave --weight 2
log 120 "Meera Iyer" "She backed the quota project in the planning review" \
  --via meeting --received --weight 3
log 60 "Meera Iyer" "Walked her through the reliability numbers" --via meeting --gave
log 25 "Meera Iyer" "Coffee: what product needs from platform next year" --via coffee

log 190 "Mateo García" "Coffee: how mobile runs release trains" --via coffee
log 150 "Mateo García" "He asked how we run design reviews; sent the charter" --via email --gave

# Aisha Rahman: you met at a summit dinner (a group log below); since then she gave, you took.
log 170 "Aisha Rahman" "She sent Riverbank's schema-migration checklist" \
  --via email --received --weight 2
log 130 "Aisha Rahman" "How Riverbank runs online migrations" --via call --received --weight 2
log 90 "Aisha Rahman" "She shared the slides from her summit talk" --via message --received

log 270 "Siobhán Kelly" "Top support ticket themes" --via meeting
log 200 "Siobhán Kelly" "She sat in on our incident review" --via meeting
log 130 "Siobhán Kelly" "Her ticket dashboard surfaced three bugs" --via email --received --weight 2
log 65 "Siobhán Kelly" "Walked her through the new error messages" --via meeting --gave --weight 2
log 15 "Siobhán Kelly" "Ticket review: the error-message change cut tickets noticeably" \
  --via video

# Further out: alumni, customers outside the company, the field.
log 365 "Noah Williams" "Catch-up call on his startup" --via call
log 280 "Noah Williams" "He asked for infra engineers; introduced two" --via email --gave --weight 2
log 200 "Noah Williams" "One of my introductions became his first infra hire" \
  --via message --gave --weight 4
log 120 "Noah Williams" "Shared his launch post with my network" --via social --gave
log 40 "Noah Williams" "Coffee: he wants platform advice for the next stage" \
  --via coffee --gave --weight 2

log 340 "Chiara Rossi" "Alumni dinner; she is building a platform team" --via meal
log 230 "Chiara Rossi" "Introduced her to a former teammate; she hired him" \
  --via email --gave --weight 5
log 130 "Chiara Rossi" "She thanked me and invited me to speak to Globex engineering" \
  --via call --received

log 330 "Sipho Dlamini" "Why Initech chose us, and what nearly stopped them" \
  --via video --received --weight 2
log 250 "Sipho Dlamini" "Roadmap preview for Initech" --via video --gave --weight 3
log 170 "Sipho Dlamini" "On-site visit with their platform team" --via meeting
log 90 "Sipho Dlamini" "He shared their load-test results" --via email --received
log 4 "Sipho Dlamini" "Escalation call about export latency; promised a fix timeline" \
  --via call --next 1w "Send Sipho the export-latency fix timeline"

log 310 "Leila Haddad" "Planning a guest lecture for her systems course" --via email
log 260 "Leila Haddad" "Gave the guest lecture on data platforms" --via event --gave --weight 2
log 180 "Leila Haddad" "She sent two strong intern candidates" --via email --received --weight 2
log 45 "Leila Haddad" "Call about publishing our benchmark methodology" --via call

log 250 "Liam O'Connor" "Feedback on my talk submission" --via email --received --weight 2
log 200 "Liam O'Connor" "Spoke at InfraConf; he ran a tight room" --via event
log 110 "Liam O'Connor" "Joined the programme committee" --via meeting --gave --weight 2
log 50 "Liam O'Connor" "Reviewed twelve talk proposals for him" --via other --gave --weight 2

log 30 "Nguyễn Thị Lan" "Met at the platform meetup; swapped notes on queue backpressure" \
  --via event
log 9 "Nguyễn Thị Lan" "Swapped write-ups on load shedding" --via message

log 150 "Rachel Goldberg" "Recruiter call: the market for staff engineers" --via call --received

# Yuki Tanaka and Ben Carter: added, never contacted. They show up as overdue.

# Group interactions: one log, several people.
log 200 "Elena Petrova" "Aisha Rahman" "Dinner at the storage summit; Elena introduced Aisha" \
  --via meal --received --weight 2
log 185 "Tomás Herrera" "Priya Raman" "Łukasz Wiśniewski" \
  "Team dinner after the migration shipped" --via social
log 24 "Tomás Herrera" "Priya Raman" "Łukasz Wiśniewski" \
  "Team retro after the storage outage: three action items" --via meeting
log 20 "François Dubois" "Priya Raman" "Hiring calibration for the new req" --via meeting
log 12 "José Núñez" "Adaeze Okafor" "Quarterly planning review; agreed the platform budget" \
  --via meeting
log 5 "Amara Nwosu" "Søren Lindqvist" "Kickoff for the ingestion beta" \
  --via meeting --gave --weight 2

# Promises you made, reminders and important dates.
kith --today "$(ago 12)" remind "José Núñez" "Send José the platform cost numbers" \
  --on "$(ago 3)" --promise
kith --today "$(ago 10)" remind "Adaeze Okafor" "Draft the staffing proposal for Adaeze" \
  --on "$(ahead 2)" --promise
kith --today "$TODAY" remind "Review my mentor and sponsor list" --in 2w --every 3m
kith --today "$TODAY" edit "Tomás Herrera" --date "joined the team=$(ago 358)"

# Beyond the report: a career goal with the people who can help, people you want to meet
# (targets: never due), and who knows whom, for `kith goal`, `kith path` and `kith review`.
at_ago 60 kith goal add "Become a principal engineer" --by "$(ahead 180)" \
  --needs mentor,sponsor
kith --today "$TODAY" goal link 1 "José Núñez" "Hannah Schmidt" --as mentor
kith --today "$TODAY" goal link 1 "Amara Nwosu" --as peer
add 25 "Kenji Mori" --target --org "Kumo Systems" --title "VP Engineering" \
  --learn "How Kumo runs a platform org of two hundred"
add 15 "Dana Whitfield" --target --org "Globex" --title "Principal Engineer"
kith --today "$TODAY" knows "Yuki Tanaka" "Kenji Mori" --how "Yuki reports to him at Kumo"
kith --today "$TODAY" knows "Noah Williams" "Yuki Tanaka" --how "former colleagues at Tidewater"
kith --today "$TODAY" knows "Chiara Rossi" "Arjun Patel" --how "same leadership team at Globex"
kith --today "$TODAY" knows "Arjun Patel" "Dana Whitfield" --how "Dana reports to him"
kith --today "$TODAY" knows "Elena Petrova" "Leila Haddad" --how "co-authors on storage papers"
kith --today "$TODAY" intro "Leila Haddad" "Liam O'Connor" --on "$(ago 35)" \
  "Introduced Leila to Liam for the InfraConf academic track"
logs=$((logs + 1))

echo "Demo network in $DB as of $TODAY: $people people, $logs interactions."
