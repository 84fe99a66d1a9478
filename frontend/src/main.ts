import './styles/tokens.css';
import './components/mut-app';
