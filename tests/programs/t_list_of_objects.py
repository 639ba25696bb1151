class Student:
    def __init__(self, name, grade):
        self.name, self.grade = name, grade
    def __repr__(self):
        return f"Student({self.name!r}, {self.grade})"
students = [Student("zed", 90), Student("amy", 85), Student("bob", 90)]
print(sorted(students, key=lambda s: (-s.grade, s.name)))
print([s.name for s in students if s.grade > 86])
print(sum(s.grade for s in students) / len(students))
by_grade = {}
for s in students:
    by_grade.setdefault(s.grade, []).append(s.name)
print(by_grade)
best = max(students, key=lambda s: s.grade)
print(best, students.index(best))
