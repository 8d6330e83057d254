# Fails the workflow when the batch parameters are implausible; thresholds come from the environment.
import sys

batch = "${bizdate}"
max_missing_age_ratio = float("{{ max_missing_age_ratio }}")

if len(batch) != 10:
    print(f"unexpected business date {batch!r}", file=sys.stderr)
    sys.exit(1)
if not 0.0 <= max_missing_age_ratio <= 1.0:
    print(f"max_missing_age_ratio {max_missing_age_ratio} must be within 0..1", file=sys.stderr)
    sys.exit(1)
print(f"quality gate passed for {batch} (max missing-age ratio {max_missing_age_ratio})")
