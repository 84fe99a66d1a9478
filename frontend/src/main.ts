import './styles/tokens.css';
import './styles/print.css';
import './components/mut-app';
