from .cli import main

# Guarded: the chart worker is started with multiprocessing's "spawn", which imports the
# parent's main module again; it must not run the command line a second time.
if __name__ == "__main__":
    main(prog_name="sockprogress")
