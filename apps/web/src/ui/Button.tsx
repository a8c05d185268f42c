import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  readonly className?: string;
  readonly variant?: 'primary' | 'secondary' | 'warning' | 'link';
}

/** The one button: black for the main action of a screen, outlined for the others. */
export function Button({ variant = 'primary', className, ...props }: ButtonProps) {
  return <AriaButton {...props} className={`button button--${variant}${className ? ` ${className}` : ''}`} />;
}
