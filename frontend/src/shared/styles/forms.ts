import { css } from 'lit';

/** Groups of choices: a plain fieldset with its legend, and `.check` rows of a box or radio with its label. */
export const choiceStyles = css`
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--mut-space-2);
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: var(--mut-space-2);
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--mut-space-2);
    min-height: 44px;
  }
  .check input {
    width: 1.25rem;
    min-height: 1.25rem;
    height: 1.25rem;
    margin: 0;
    flex: none;
  }
  .check label {
    margin: 0;
  }
`;
