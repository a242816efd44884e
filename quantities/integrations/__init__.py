"""The ways people use the tool: the command line and the pytest plugin."""
