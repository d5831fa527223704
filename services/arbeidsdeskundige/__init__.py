"""The labour expert's side: assignments, adviesgesprek, arbeidsdeskundig onderzoek and rapport."""
