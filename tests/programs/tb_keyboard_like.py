def loop():
    for i in range(3):
        if i == 2:
            raise KeyboardInterrupt
        print("tick", i)
loop()
