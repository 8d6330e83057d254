echo weekly
