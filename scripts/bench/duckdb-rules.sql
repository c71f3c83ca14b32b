-- The benchmark's SQL peer: four of the tool's core rules written as an analyst would write them in
-- DuckDB, over the CSV tables of an export of format v1 (cases, plans, subgoals, followups).
-- scripts/bench/duckdb.mjs runs it; to run it in the duckdb shell, set the two inputs first:
--   SET VARIABLE export_dir = '.bench/20000/csv';
--   SET VARIABLE as_of = DATE '2011-06-01';
-- It ends with one row per stadsdel and rule: applicable, passed, failed, not_assessable,
-- not_applicable, which the benchmark compares with the tool's `check --format json` (districts[].rules).
--
-- Every clause follows the tool on the same export with no config (the rules' default options, the
-- built-in placeholder list): the comments name the rule option or the part of the tool it mirrors.
-- The tool reads every value as text and normalises it (src/model/values.ts): so do these tables.

-- A blank value is a missing value. The tool trims every kind of white space (String.prototype.trim);
-- trim() drops spaces only, as an analyst would write it (the generated export has no other white
-- space, and trimming 25 kinds of it made loading twice as slow).
CREATE MACRO value_of(s) AS nullif(trim(s), '');
-- Dates: YYYY-MM-DD, YYYYMMDD, or either with a time of day (dropped); anything else, or no such day, is missing.
CREATE MACRO iso_date(v) AS TRY_CAST(CASE
  WHEN regexp_full_match(v, '\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?') THEN left(v, 10)
  WHEN regexp_full_match(v, '\d{8}') THEN v[1:4] || '-' || v[5:6] || '-' || v[7:8]
END AS DATE);
-- Coded values (supportReason, type) match without regard to case, diacritics or separators (src/fold.ts).
CREATE MACRO fold_code(v) AS regexp_replace(lower(strip_accents(v)), '[^a-z0-9]', '', 'g');
-- Free text folded as the placeholder check folds it (foldText in src/engine/text.ts).
CREATE MACRO fold_text(v) AS trim(regexp_replace(lower(strip_accents(v)), '[^\p{L}\p{N}]+', ' ', 'g'));
-- placeholderOf (src/engine/text.ts) on a folded text: nothing left, one of PLACEHOLDERS, or a reference of
-- two to REFERENCE_MAX_WORDS (4) words opening with one of REFERENCE_WORDS. The lists are those of text.ts,
-- folded (test/bench-duckdb.test.ts holds them equal).
CREATE MACRO folded_placeholder(f) AS f = ''
  OR list_contains(['x', 'xx', 'xxx', 'inga', 'inget', 'ingen', 'ingenting', 'saknas', 'uppgift saknas', 'ingen uppgift', 'inga uppgifter',
    'ej tillfragad', 'ej tillfragat', 'inte tillfragad', 'ej aktuellt', 'ej aktuell', 'inte aktuellt', 'ej angivet', 'ej ifyllt',
    'oforandrat', 'oforandrad', 'oforandrade', 'samma som tidigare', 'som tidigare', 'vet ej', 'okant', 'nej', 'ja', 'ok',
    'dito', 'do', 'enligt ovan', 'enl ovan', 'se ovan', 'se nedan', 'se tidigare plan', 'se journal', 'se bilaga'], f)
  OR regexp_full_match(f, '(se|enligt|enl|hanvisas|hanvisning)( [^ ]+){1,3}');
-- isWritten, of a value (trimmed, not blank) and its folded text.
-- (A macro repeats its argument: the folded text is made once, in a subquery, and passed in.)
CREATE MACRO is_written(v, f) AS v IS NOT NULL AND NOT folded_placeholder(f);

-- The four tables as read (the columns these rules read, by name, as text) and trimmed. A table keeps
-- the order of its file (rowid): the first of two rows with one caseId is the akt, and an akt's plans
-- are in the order of plans.csv.
CREATE TABLE cases_csv AS
SELECT value_of(caseId) AS case_id, value_of(district) AS district, value_of(supportReason) AS support_reason, value_of(supportStart) AS support_start
FROM read_csv(getvariable('export_dir') || '/cases.csv', header = true,
  types = {'caseId': 'VARCHAR', 'district': 'VARCHAR', 'supportReason': 'VARCHAR', 'supportStart': 'VARCHAR'});
CREATE TABLE plans_csv AS
SELECT value_of(caseId) AS case_id, value_of(planId) AS plan_id, value_of(created) AS created, value_of(validFrom) AS valid_from,
  value_of(validTo) AS valid_to, value_of(nextFollowUp) AS next_follow_up, value_of(requirements) AS requirements
FROM read_csv(getvariable('export_dir') || '/plans.csv', header = true,
  types = {'caseId': 'VARCHAR', 'planId': 'VARCHAR', 'created': 'VARCHAR', 'validFrom': 'VARCHAR', 'validTo': 'VARCHAR', 'nextFollowUp': 'VARCHAR', 'requirements': 'VARCHAR'});
CREATE TABLE subgoals_csv AS
SELECT value_of(caseId) AS case_id, value_of(planId) AS plan_id, value_of(text) AS text
FROM read_csv(getvariable('export_dir') || '/subgoals.csv', header = true, types = {'caseId': 'VARCHAR', 'planId': 'VARCHAR', 'text': 'VARCHAR'});
CREATE TABLE followups_csv AS
SELECT value_of(caseId) AS case_id, value_of(date) AS date, value_of(type) AS type, value_of(outcome) AS outcome, value_of(goalsRevised) AS goals_revised
FROM read_csv(getvariable('export_dir') || '/followups.csv', header = true,
  types = {'caseId': 'VARCHAR', 'date': 'VARCHAR', 'type': 'VARCHAR', 'outcome': 'VARCHAR', 'goalsRevised': 'VARCHAR'});

-- An akt is a row of cases.csv with a caseId; a caseId read again is rejected (the first row is kept).
CREATE TABLE akter AS
SELECT case_id, district, fold_code(support_reason) AS support_reason, iso_date(support_start) AS support_start
FROM cases_csv WHERE rowid IN (SELECT min(rowid) FROM cases_csv WHERE case_id IS NOT NULL GROUP BY case_id);

-- Child rows join their akt by caseId; a row naming no akt of cases.csv is rejected.
CREATE TABLE plans AS
SELECT seq, case_id, plan_id, iso_date(created) AS created, iso_date(valid_from) AS valid_from, iso_date(valid_to) AS valid_to,
  iso_date(next_follow_up) AS next_follow_up, is_written(requirements, folded) AS requirements_written
FROM (SELECT p.rowid AS seq, p.*, fold_text(requirements) AS folded FROM plans_csv p SEMI JOIN akter USING (case_id));

CREATE TABLE followups AS
SELECT case_id, date, counted, outcome IS NOT NULL AND NOT placeholder AS outcome_written, outcome IS NOT NULL AND placeholder AS outcome_placeholder, goals_revised
FROM (
  SELECT *, folded_placeholder(folded) AS placeholder FROM (
    SELECT case_id, iso_date(date) AS date,
      -- follow-ups-traceable countedTypes (default: every type but narvarokontroll); no type, or one the tool cannot place, counts.
      coalesce(fold_code(type) <> 'narvarokontroll', true) AS counted,
      outcome, fold_text(outcome) AS folded,
      -- The boolean forms the tool reads as true.
      lower(goals_revised) IN ('true', 'ja', 'j', 'yes', 'y', '1', 'x') AS goals_revised
    FROM followups_csv SEMI JOIN akter USING (case_id)
  )
);

-- A delmål belongs to the akt's last plan with its planId; one naming no plan of its akt is rejected.
CREATE TABLE subgoals AS
SELECT max(p.seq) AS plan_seq, any_value(s.written) AS written
FROM (SELECT rowid AS line, case_id, plan_id, is_written(text, folded) AS written FROM (SELECT *, rowid, fold_text(text) AS folded FROM subgoals_csv)) s
  JOIN plans p ON p.case_id = s.case_id AND p.plan_id = s.plan_id
GROUP BY s.line;

-- The current plan (currentPlan in src/engine/akt-helpers.ts): in force on the audit date; of several,
-- the latest validFrom, and of those the last in the akt.
CREATE TABLE current_plan AS
SELECT case_id, arg_max(seq, (valid_from, seq)) AS plan_seq
FROM plans WHERE valid_from <= getvariable('as_of') AND valid_to >= getvariable('as_of')
GROUP BY case_id;

-- follow-ups-traceable: the window starts windowDays (365) before the audit date, or at the akt's
-- earliest supportStart or validFrom if later.
CREATE TABLE follow_up_window AS
SELECT c.case_id, greatest(getvariable('as_of') - 365, least(a.support_start, min(p.valid_from))) AS start_day
FROM current_plan c JOIN akter a USING (case_id) JOIN plans p USING (case_id)
GROUP BY c.case_id, a.support_start;

-- The longest stretch without a documented follow-up (longestGap): from the window's start through
-- every counted, written follow-up in the window to the audit date.
CREATE TABLE longest_gap AS
SELECT case_id, max(day - previous) AS days FROM (
  SELECT case_id, day, lag(day) OVER (PARTITION BY case_id ORDER BY kind, day) AS previous FROM (
    SELECT case_id, 0 AS kind, start_day AS day FROM follow_up_window
    UNION ALL
    SELECT f.case_id, 1, f.date FROM followups f JOIN follow_up_window w USING (case_id)
    WHERE f.counted AND f.outcome_written AND f.date BETWEEN w.start_day AND getvariable('as_of')
    UNION ALL
    SELECT case_id, 2, getvariable('as_of') FROM follow_up_window))
GROUP BY case_id;

CREATE TABLE results AS
WITH current AS (
  SELECT c.case_id, p.next_follow_up, p.requirements_written,
    (SELECT count(*) FROM subgoals s WHERE s.plan_seq = c.plan_seq AND s.written) AS written_subgoals
  FROM current_plan c JOIN plans p ON p.seq = c.plan_seq
),
follow_up_faults AS (
  SELECT w.case_id,
    -- placeholder-outcome: a counted follow-up in the window whose note is a placeholder.
    bool_or(f.counted AND f.outcome_placeholder AND f.date BETWEEN w.start_day AND getvariable('as_of')) AS placeholder_outcome,
    -- revision-not-traceable: goals revised (any type) on or before the audit date, and no plan drawn up since.
    bool_or(f.goals_revised AND f.date <= getvariable('as_of') AND coalesce(d.last_created < f.date, true)) AS revision_not_traceable
  FROM follow_up_window w JOIN followups f USING (case_id)
    JOIN (SELECT case_id, max(created) AS last_created FROM plans GROUP BY case_id) d USING (case_id)
  GROUP BY w.case_id
)
SELECT a.district, 'current-plan' AS rule_id,
  -- appliesToReasons (default ['arbetsloshet']); an akt without a valid supportReason always counts.
  CASE WHEN a.support_reason IN ('socialamedicinska', 'ovrigt') THEN 'not-applicable'
    WHEN c.case_id IS NOT NULL THEN 'pass' ELSE 'fail' END AS status
FROM akter a LEFT JOIN current c USING (case_id)
UNION ALL
SELECT a.district, 'subgoals-present',
  -- minSubGoals (default 1) delmål with written text in the current plan.
  CASE WHEN c.case_id IS NULL THEN 'not-applicable' WHEN c.written_subgoals >= 1 THEN 'pass' ELSE 'fail' END
FROM akter a LEFT JOIN current c USING (case_id)
UNION ALL
SELECT a.district, 'requirements-stated',
  -- minWords (default 1): a text that is not a placeholder has at least one word.
  CASE WHEN c.case_id IS NULL THEN 'not-applicable' WHEN c.requirements_written THEN 'pass' ELSE 'fail' END
FROM akter a LEFT JOIN current c USING (case_id)
UNION ALL
SELECT a.district, 'follow-ups-traceable',
  CASE WHEN c.case_id IS NULL THEN 'not-applicable'
    WHEN c.next_follow_up IS NULL -- no-planned-follow-up
      OR g.days > 92 + 14 -- follow-up-gap: intervalDays (92) + graceDays (14)
      OR coalesce(ff.placeholder_outcome, false) OR coalesce(ff.revision_not_traceable, false) THEN 'fail'
    ELSE 'pass' END
FROM akter a LEFT JOIN current c USING (case_id) LEFT JOIN longest_gap g USING (case_id) LEFT JOIN follow_up_faults ff USING (case_id);

-- The figures per stadsdel and rule. Every table and column these rules read is in the export (the
-- runner checks that the four files exist), so no akt is not assessable.
SELECT district, rule_id,
  count(*) FILTER (WHERE status IN ('pass', 'fail')) AS applicable,
  count(*) FILTER (WHERE status = 'pass') AS passed,
  count(*) FILTER (WHERE status = 'fail') AS failed,
  0 AS not_assessable,
  count(*) FILTER (WHERE status = 'not-applicable') AS not_applicable
FROM results GROUP BY district, rule_id ORDER BY district, rule_id;
