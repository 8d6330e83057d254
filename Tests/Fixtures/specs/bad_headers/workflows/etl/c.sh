#!/bin/sh
# note: ordinary comments are not header keys
# ERROR: DF106
# timeout: soon
echo c
