echo step
