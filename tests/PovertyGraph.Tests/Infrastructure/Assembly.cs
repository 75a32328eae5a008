// Integration tests share one server and database; run collections one at a time to keep memory and SQLite contention low.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
