from .cli import run

# Guarded, as a module that runs the program when executed should be.
if __name__ == "__main__":
    run()
