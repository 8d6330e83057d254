#!/usr/bin/env python3
# upstream: build_signal_report
# description: Publish the report headline as an output parameter for downstream tasks
import json

headline = {"report_date": "${bizdate}", "channel": "{{ alert_channel }}", "format": "{{ report_format }}"}
print(json.dumps(headline, sort_keys=True))
print("${setValue(report_headline=" + json.dumps(headline, sort_keys=True) + ")}")
