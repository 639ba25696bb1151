import statistics as st, textwrap
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), round(st.stdev(data), 10), st.median([1, 3, 2]))
print(st.mean([1.5, 2.5]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]), st.multimode("aabbc"), round(st.variance([1, 2, 3, 4]), 10))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
text = "The quick brown fox jumps over the lazy dog and keeps on running through the forest"
print(textwrap.wrap(text, 20))
print(textwrap.fill(text, 30))
print(textwrap.dedent("""
    indented
      more
    back
"""))
print(textwrap.indent("a\nb\n", "> "), end="")
print(textwrap.shorten("Hello  world, this is a long sentence", width=20))
