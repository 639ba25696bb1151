class ValidationError(Exception):
    pass
def validate(x):
    if x < 0:
        raise ValidationError(f"negative value: {x}")
    return x
for v in [1, 2, -3]:
    print(validate(v))
