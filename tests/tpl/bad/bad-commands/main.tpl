\pagebrake
\space lots
\rule now
--- fr
\space nan
\space -inf
