"""Plans: declarative plan files (targets, tasks, goals) and the indicator and region catalogue."""
