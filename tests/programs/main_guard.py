def main():
    print("running main", __name__)
if __name__ == "__main__":
    main()
print(__name__, type(__file__).__name__, __file__.endswith("main_guard.py"))
print(__doc__)
