"""Summarises bench/startup.sh: medians per case, and where the time went from Spring's start-up steps.

    python3 bench/startup_summary.py <results.tsv> <dir> <label>

A bean's own time is its creation less the creation of the beans it needed (its child steps), so the
table names the beans that themselves cost, not those that only waited for others.
"""
import csv
import glob
import statistics
import sys
from collections import defaultdict

results, out, label = sys.argv[1:4]
rows = list(csv.DictReader(open(results), delimiter="\t"))


def median(values):
    values = [float(v) for v in values if v not in ("", "-")]
    return statistics.median(values) if values else float("nan")


# Named phases: the steps (or beans) that hold each part of the start, summed when several.
PHASES = [
    ("Flyway (validate, migrate)", lambda s: s["bean"] == "flywayInitializer"),
    ("Hibernate (the entity manager factory)", lambda s: s["bean"] in ("entityManagerFactory", "&entityManagerFactory")),
    ("Spring Data repositories (proxies, query parsing)", lambda s: s["name"] == "spring.data.repository.init"),
    ("engine (schema check, MyBatis, deployment)", lambda s: s["bean"] == "processEngineFactoryBean"),
]


def read_steps(path):
    steps = {}
    for r in csv.DictReader(open(path), delimiter="\t"):
        tags = dict(t.split("=", 1) for t in r["tags"].split(",") if "=" in t)
        steps[r["id"]] = {"parent": r["parent"], "name": r["name"], "bean": tags.get("beanName", ""),
                          "duration": float(r["duration_ms"]), "start": float(r["start_ms"])}
    children = defaultdict(float)
    for s in steps.values():
        if s["parent"] in steps:
            children[s["parent"]] += s["duration"]
    for i, s in steps.items():
        s["own"] = s["duration"] - children[i]
    return steps


print()
print(f"== {label}: medians (ms unless named)")
print(f"{'case':10} {'runs':>4} {'to healthy':>11} {'CPU s':>6} {'Started in s':>13} {'JVM s':>6} "
      f"{'rule compile':>12} {'load1':>6}")
for case in dict.fromkeys(r["case"] for r in rows):
    rs = [r for r in rows if r["case"] == case]
    print(f"{case:10} {len(rs):>4} {median(r['healthy_ms'] for r in rs):>11.0f} {median(r['cpu_s'] for r in rs):>6.1f} "
          f"{median(r['started_s'] for r in rs):>13.2f} {median(r['jvm_s'] for r in rs):>6.2f} "
          f"{median(r['compile_ms'] for r in rs):>12.0f} {median(r['load1'] for r in rs):>6.2f}")

    files = sorted(glob.glob(f"{out}/{label}-{case}-*.steps.tsv"))
    if not files:
        continue
    runs = [read_steps(f) for f in files]
    print(f"   breakdown, {case} (median over {len(runs)} runs; own time = less the beans it needed):")
    refresh = median(sum(s["duration"] for s in st.values() if s["name"] == "spring.context.refresh") for st in runs)
    print(f"     {'context refresh (all below)':55} {refresh:>8.0f}")
    for name, match in PHASES:
        total = median(sum(s["duration"] for s in st.values() if match(s)) for st in runs)
        print(f"     {name:55} {total:>8.0f}")
    scan = median(sum(s["duration"] for s in st.values() if s["name"] == "spring.context.config-classes.parse")
                  for st in runs)
    print(f"     {'configuration classes parsed (component scan)':55} {scan:>8.0f}")
    beans = median(sum(s["own"] for s in st.values() if s["name"] == "spring.beans.instantiate") for st in runs)
    count = median(sum(1 for s in st.values() if s["name"] == "spring.beans.instantiate") for st in runs)
    print(f"     {'all beans, own time (%d beans)' % count:55} {beans:>8.0f}")
    own = defaultdict(list)
    for st in runs:
        per = defaultdict(float)
        for s in st.values():
            if s["name"] == "spring.beans.instantiate":
                per[s["bean"]] += s["own"]
        for bean, ms in per.items():
            own[bean].append(ms)
    top = sorted(own.items(), key=lambda kv: -statistics.median(kv[1]))[:15]
    print("     beans with the most own time:")
    for bean, ms in top:
        print(f"       {bean[:70]:70} {statistics.median(ms):>8.0f}")
