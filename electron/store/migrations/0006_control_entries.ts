/** Schema 6: a control entry carries its owner (a person id), due date, maturity, notes and review dates. */
export default /* sql */ `
ALTER TABLE control_state ADD COLUMN owner TEXT;
ALTER TABLE control_state ADD COLUMN due_date TEXT;
ALTER TABLE control_state ADD COLUMN maturity INTEGER CHECK (maturity BETWEEN 0 AND 5);
ALTER TABLE control_state ADD COLUMN notes TEXT;
ALTER TABLE control_state ADD COLUMN last_review TEXT;
ALTER TABLE control_state ADD COLUMN next_review TEXT;
`;
