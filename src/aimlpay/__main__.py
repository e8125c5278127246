"""`python -m aimlpay` runs the command line."""
from .cli import main

main()
