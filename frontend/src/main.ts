import './shared/styles/tokens.css';
import './shared/styles/print.css';
import './shared/mut-app';
