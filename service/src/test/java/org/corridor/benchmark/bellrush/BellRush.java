package org.corridor.benchmark.bellrush;

/**
 * The bell-rush harness (see BENCHMARKS.md, "Bell rush" and "Crash safety"; driven by
 * bench/bell-rush.sh, bench/crash-test.sh and bench/cluster-rush.sh). Test code: it never
 * ships in corridor.jar, and no class here is a surefire test.
 *
 * <pre>
 * BellRush seed     --db-url URL [--schools 4 --classes 6 --students 30]
 * BellRush load     --base-url http://127.0.0.1:PORT --db-url URL [--seconds 60 --warmup 15 --concurrency 8] [--sessions]
 *                   [--rate R] [--service-pid P --service-pid-2 P --proxy-pid P --db-pid P] [--out file.properties]
 *                   [--record passes.tsv --leave-active-every 5 --leave-pending-every 7 --auto-every 5]
 * BellRush engine   --db-url URL [--seconds 60 --warmup 15 --concurrency 8] [--db-pid P] [--out file]
 * BellRush statements --base-url http://127.0.0.1:PORT --db-url URL [--lifecycles 200 --warmup-lifecycles 50]
 *                   [--general-log /tmp/file.log --logged-lifecycles 2] [--out file.properties]
 *                   (statements per call, one lifecycle at a time; nothing else may use the database server)
 * BellRush engine-statements --db-url URL [--lifecycles 200 --warmup-lifecycles 50]
 * BellRush crash-snapshot --db-url URL --out overdue.tsv
 * BellRush crash-verify   --db-url URL --record passes.tsv --overdue overdue.tsv --restarted-at EPOCH_MS [--patience 60]
 * BellRush watch-streams --base-url URL --db-url URL [--seconds 120]
 *                   (the seeded teachers' notification streams, reconnecting; then: none missed)
 * BellRush jfr-top  recording.jfr [--top 25]
 * </pre>
 */
public final class BellRush {

    private BellRush() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            throw new IllegalArgumentException("BellRush seed|load|engine|crash-snapshot|crash-verify|jfr-top ...");
        }
        switch (argv[0]) {
            case "seed" -> Seed.run(new Args(argv, 1));
            case "load" -> LoadGenerator.run(new Args(argv, 1));
            case "engine" -> BareEngine.run(new Args(argv, 1));
            case "statements" -> LoadGenerator.countStatements(new Args(argv, 1));
            case "engine-statements" -> BareEngine.countStatements(new Args(argv, 1));
            case "crash-snapshot" -> CrashCheck.snapshot(new Args(argv, 1));
            case "crash-verify" -> System.exit(CrashCheck.verify(new Args(argv, 1)) ? 0 : 1);
            case "watch-streams" -> System.exit(StreamWatch.run(new Args(argv, 1)) ? 0 : 1);
            case "jfr-top" -> JfrTop.run(argv[1], new Args(argv, 2));
            default -> throw new IllegalArgumentException("unknown command " + argv[0]);
        }
        System.exit(0);
    }

}
