import { css } from 'lit';

/** The look of <mut-roleplay>, apart from the styles every page shares. */
export const roleplayStyles = css`
      .group-choices {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: var(--mut-space-3);
      }
      .group-choices li {
        padding: var(--mut-space-3);
        border: 1px solid var(--mut-line);
        border-radius: var(--mut-radius-sm);
      }
      .group-choices li.mine {
        border: 2px solid var(--mut-primary);
        background: var(--mut-calm);
      }
      .group-choices h4 {
        margin: 0 0 var(--mut-space-1);
      }
      .group-choices p {
        margin: 0 0 var(--mut-space-2);
      }
      .my-group {
        font-weight: 600;
      }
      .listening {
        font-size: var(--mut-text-sm);
        color: var(--mut-primary-strong);
      }
      .private {
        font-weight: 600;
        color: var(--mut-primary-strong);
      }
    `;
