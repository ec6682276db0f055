def name():
    return "tool"


def main():
    print(name())
