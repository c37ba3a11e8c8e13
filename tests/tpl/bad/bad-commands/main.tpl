\pagebrake
\space lots
\rule now
--- fr
