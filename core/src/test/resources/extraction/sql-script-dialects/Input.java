package none;

class Input {
}
