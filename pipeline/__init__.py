"""hoptac: Vietnamese news on Viet Nam's local cooperation abroad → meetings, agreements, trade figures."""

from pipeline.compiled import watch_patterns

watch_patterns()  # compiled regular expressions come from `$DAGSTER_HOME/hoptac-cache/` (pipeline.compiled)
