"""The generated demo scene and the built-in demo job."""
