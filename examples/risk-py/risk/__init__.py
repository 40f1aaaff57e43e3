"""A small risk desk: positions, prices and limits."""
