class Parser:
    def __init__(self, text):
        self.text = text
    def parse(self):
        return self._number()
    def _number(self):
        return int(self.text)
class App:
    def run(self, text):
        p = Parser(text)
        return p.parse()
print(App().run("12"))
App().run("twelve")
