print("before import")
import mypkg.broken_never_exists
