-- Finding the subjects merged into a survivor must not scan the subject table.
CREATE INDEX subject_merged_into ON subject (merged_into);
