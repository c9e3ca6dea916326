#!/bin/sh
# usage: animals_corpus.sh > corpus.txt
# A small deterministic pretraining corpus: documents (blank-line separated) about one animal
# each, from a few sentence templates, so a tiny model learns something in a few steps.
awk 'BEGIN {
  split("cat dog bird fish horse rabbit", animal, " ")
  split("mat park tree river field garden", place, " ")
  split("milk bones seeds worms hay carrots", food, " ")
  seed = 7
  for (d = 0; d < 80; d++) {
    a = d % 6 + 1
    for (s = 0; s < 4; s++) {
      seed = (seed * 1103515245 + 12345) % 2147483648
      p = int(seed / 65536) % 6 + 1
      if (s % 2 == 0) print "the " animal[a] " sat on the " place[p] " ."
      else print "the " animal[a] " likes to eat " food[a] " every day ."
    }
    print ""
  }
}'
